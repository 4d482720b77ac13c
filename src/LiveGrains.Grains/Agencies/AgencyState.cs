using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Agencies;

/// <summary>Persisted state of an agency. The ongoing index is not persisted: LIVE heartbeats rebuild it within seconds.</summary>
[GenerateSerializer, Alias("lg.AgencyState")]
public sealed class AgencyState
{
    [Id(0)] public string? Name;
    /// <summary>
    /// The creators bound, as agencies kept them before the directory held bindings; no longer written (the grain loads
    /// them from the directory), read only by the directory's backfill of states stored before it existed.
    /// </summary>
    [Id(1)] public Dictionary<string, CreatorProfile> Creators = [];
    [Id(2)] public List<string> Pins = [];
    [Id(3)] public List<string> CardMetrics = [.. MetricCatalog.DefaultCardMetrics];
    [Id(4)] public List<string> ListMetrics = [.. MetricCatalog.DefaultListMetrics];
    [Id(5)] public AttentionThresholds Thresholds = AttentionThresholds.Default;
}
