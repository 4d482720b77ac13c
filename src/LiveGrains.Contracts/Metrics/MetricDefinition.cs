using System.Text.Json.Serialization;

namespace LiveGrains.Contracts.Metrics;

/// <summary>One catalog entry: what a metric is called, what it means, how it looks and how it is derived.</summary>
/// <param name="Key">Stable key used in preferences, the API and exports.</param>
/// <param name="Name">Display name.</param>
/// <param name="Definition">The text behind the "?" icon.</param>
/// <param name="Unit">Unit label (currency, viewers, %, seconds ...).</param>
/// <param name="Format">Display and export format.</param>
/// <param name="Category">Group in the customise dialogs.</param>
/// <param name="Trendable">Whether a per-minute value is meaningful (distinct counts are not).</param>
/// <param name="Derive">Derivation from raw counters; null means "no value" (a zero denominator).</param>
public sealed record MetricDefinition(
    string Key,
    string Name,
    string Definition,
    string Unit,
    MetricFormat Format,
    MetricCategory Category,
    bool Trendable,
    [property: JsonIgnore] Func<LiveCounters, decimal?> Derive);
