using System.Globalization;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Web.Export;

/// <summary>
/// The columns of the LIVE report: who and when, then the agency's chosen list metrics with headers and
/// formats from the catalog. Values are the API's numbers (ratios as fractions, durations in seconds).
/// </summary>
public sealed class ExportColumns(IReadOnlyList<MetricDefinition> metrics)
{
    private static readonly string[] Fixed = ["LIVE ID", "Creator", "Creator type", "Title", "Status", "Started (UTC)", "Ended (UTC)", "Currency"];

    /// <summary>The chosen metrics, in order.</summary>
    public IReadOnlyList<MetricDefinition> Metrics { get; } = metrics;

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Headers { get; } = [.. Fixed, .. metrics.Select(Header)];

    /// <summary>Columns built from an agency's list-metric keys (unknown keys are skipped: the catalog decides).</summary>
    public static ExportColumns For(IEnumerable<string> keys) =>
        new(keys.Select(MetricCatalog.Find).OfType<MetricDefinition>().ToList());

    /// <summary>The header of a metric column: its name, and its unit where the number alone would mislead.</summary>
    public static string Header(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Format switch
        {
            MetricFormat.Percent => $"{metric.Name} (fraction)",
            MetricFormat.Duration => $"{metric.Name} (seconds)",
            _ => metric.Name,
        };
    }

    /// <summary>Spreadsheet number format of a metric column.</summary>
    public static string ExcelFormat(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Format switch
        {
            MetricFormat.Money or MetricFormat.Decimal => "#,##0.00",
            MetricFormat.Percent => "0.00%",
            _ => "#,##0",
        };
    }

    /// <summary>One row's values, in header order: text for the fixed columns, numbers (or null) for metrics.</summary>
    public object?[] Values(LiveSummary row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var values = new object?[Headers.Count];
        values[0] = row.LiveId;
        values[1] = row.CreatorName;
        values[2] = row.CreatorType.ToString().ToLowerInvariant();
        values[3] = row.Title;
        values[4] = row.Status.ToString().ToLowerInvariant();
        values[5] = row.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        values[6] = row.EndedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        values[7] = row.Currency;
        for (var i = 0; i < Metrics.Count; i++) values[Fixed.Length + i] = row.Metrics.GetValueOrDefault(Metrics[i].Key);
        return values;
    }
}
