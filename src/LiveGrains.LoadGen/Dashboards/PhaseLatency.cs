namespace LiveGrains.LoadGen.Dashboards;

/// <summary>Event-to-dashboard latency of one phase of a run.</summary>
/// <param name="Samples">(dashboard, LIVE, batch) triples observed.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P99Ms">99th percentile latency.</param>
/// <param name="MaxMs">Largest latency.</param>
public sealed record PhaseLatency(long Samples, double P50Ms, double P99Ms, double MaxMs);
