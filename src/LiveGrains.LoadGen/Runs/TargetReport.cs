using LiveGrains.LoadGen.Dashboards;
using LiveGrains.LoadGen.Targets;

namespace LiveGrains.LoadGen.Runs;

/// <summary>One target's measurements and checks.</summary>
/// <param name="Run">Throughput, latency and CPU.</param>
/// <param name="Totals">Comparison of the system's totals with the ground truth.</param>
/// <param name="Acks">Comparison of the acknowledgements with the ground truth.</param>
/// <param name="Lives">LIVEs that received events.</param>
/// <param name="ActiveLives">LIVEs still on air at the end.</param>
/// <param name="HeapBytesPerActiveLive">Managed heap growth per active LIVE after a full GC, from a pass of its own (in-process target only).</param>
/// <param name="Dashboards">Event-to-dashboard latency, when dashboards watched the run.</param>
/// <param name="OnAir">The unmeasured phase that put every LIVE on air first, when there was one; <paramref name="Run"/> is the measured phase after it.</param>
/// <param name="Round">The round (from 0) of a run of several (<see cref="Cli.LoadGenOptions.Rounds"/>).</param>
/// <param name="MemoryTotals">The totals check of the pass that measured <paramref name="HeapBytesPerActiveLive"/>, when there was one.</param>
public sealed record TargetReport(RunResult Run, Verification Totals, Verification Acks, int Lives, int ActiveLives, double? HeapBytesPerActiveLive,
    DashboardLatency? Dashboards = null, OnAirPhase? OnAir = null, int Round = 0, Verification? MemoryTotals = null)
{
    /// <summary>True unless a check failed.</summary>
    public bool Passed => Totals.Passed != false && Acks.Passed != false && MemoryTotals?.Passed != false;
}
