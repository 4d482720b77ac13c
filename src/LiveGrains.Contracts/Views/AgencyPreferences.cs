using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>What an agency chose: card metrics, All LIVEs list metrics (each at most 9) and attention thresholds.</summary>
/// <param name="CardMetrics">Metrics on each LIVE card.</param>
/// <param name="ListMetrics">Metrics in the All LIVEs list and the export.</param>
/// <param name="Thresholds">Need Attention thresholds.</param>
[GenerateSerializer, Immutable, Alias("lg.AgencyPreferences")]
public sealed record AgencyPreferences(
    [property: Id(0)] IReadOnlyList<string> CardMetrics,
    [property: Id(1)] IReadOnlyList<string> ListMetrics,
    [property: Id(2)] AttentionThresholds Thresholds);
