namespace LiveGrains.LoadGen.Runs;

/// <summary>How requests are sent.</summary>
/// <param name="Concurrency">Requests in flight.</param>
/// <param name="Rate">Events per second (0: as fast as acknowledgements allow).</param>
/// <param name="Duration">Wall-clock cap (null: the whole workload).</param>
/// <param name="MaxAttempts">Attempts per request before the run fails.</param>
/// <param name="Progress">Where to write one progress line a second (null: nowhere).</param>
/// <param name="Acked">
/// Told the batch index, first send time and per-LIVE acknowledged sequences (when the target reports them) of each batch
/// once it is acknowledged (for dashboard latency).
/// </param>
/// <param name="HostProcessId">Web host process whose CPU is measured too (0: none).</param>
/// <param name="HostMetrics">The web host's Prometheus endpoint, read for its allocations and collections (null: none).</param>
public sealed record RunSettings(int Concurrency, double Rate, TimeSpan? Duration, int MaxAttempts, TextWriter? Progress,
    Action<int, DateTimeOffset, IReadOnlyDictionary<string, long>?>? Acked = null, int HostProcessId = 0, Uri? HostMetrics = null);
