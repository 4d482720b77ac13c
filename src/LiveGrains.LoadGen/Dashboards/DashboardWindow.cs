namespace LiveGrains.LoadGen.Dashboards;

/// <summary>Event-to-dashboard latency of the batches sent in one window of the run (by send time).</summary>
/// <param name="FromSeconds">Start of the window, in seconds since the first measured batch was sent.</param>
/// <param name="Samples">Samples in the window.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P99Ms">99th percentile latency.</param>
public sealed record DashboardWindow(double FromSeconds, long Samples, double P50Ms, double P99Ms);
