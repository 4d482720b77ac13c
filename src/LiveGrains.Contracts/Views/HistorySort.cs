namespace LiveGrains.Contracts.Views;

/// <summary>Sort orders of the All LIVEs list.</summary>
public enum HistorySort
{
    /// <summary>Most recent first.</summary>
    StartedDesc,
    /// <summary>Oldest first.</summary>
    StartedAsc,
    /// <summary>By the chosen metric, highest first.</summary>
    MetricDesc,
    /// <summary>By the chosen metric, lowest first.</summary>
    MetricAsc,
}
