namespace LiveGrains.Contracts.Metrics;

/// <summary>How a metric value is displayed and exported.</summary>
public enum MetricFormat
{
    /// <summary>Whole number with thousands separators.</summary>
    Integer,
    /// <summary>Amount in the LIVE's currency, two decimals.</summary>
    Money,
    /// <summary>Ratio shown as a percentage (the value is a fraction: 0.125 is 12.5%).</summary>
    Percent,
    /// <summary>Number with up to two decimals.</summary>
    Decimal,
    /// <summary>Seconds shown as h:mm:ss.</summary>
    Duration,
}
