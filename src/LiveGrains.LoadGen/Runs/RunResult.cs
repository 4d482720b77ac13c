using LiveGrains.LoadGen.Measure;

namespace LiveGrains.LoadGen.Runs;

/// <summary>What one target did with the workload.</summary>
/// <param name="Target">Target name.</param>
/// <param name="Sent">For each batch of the workload, whether it was sent (a duration cap may stop early).</param>
/// <param name="EventsSent">Events in the batches sent.</param>
/// <param name="Requests">Requests acknowledged.</param>
/// <param name="Retries">Attempts that failed and were retried.</param>
/// <param name="Accepted">Accepted events, summed over final acknowledgements.</param>
/// <param name="Duplicates">Duplicate events, summed over final acknowledgements.</param>
/// <param name="Rejected">Rejected events, summed over final acknowledgements.</param>
/// <param name="Wall">Wall time of the send phase.</param>
/// <param name="Cpu">Process CPU time of the send phase.</param>
/// <param name="Latency">Acknowledgement latency per request, in microseconds.</param>
/// <param name="PerSecond">Events acknowledged in each second of the run.</param>
/// <param name="Allocated">Managed bytes this process allocated in the send phase (an in-process silo's included).</param>
/// <param name="Gc">This process's garbage collections in the send phase.</param>
/// <param name="Jit">This process's JIT compilations in the send phase.</param>
/// <param name="PeakWorkingSet">This process's peak resident memory at the end of the send phase, since it started.</param>
/// <param name="HostPeakWorkingSet">The web host's peak resident memory at the end of the send phase, when it was measured.</param>
/// <param name="HostCpu">The web host process's CPU time in the send phase, when it was measured.</param>
/// <param name="PageFaults">
/// Minor page faults of this process in the send phase (pages it touched fresh from the kernel, zeroed first), where the
/// kernel says.
/// </param>
/// <param name="Host">The web host's allocations and collections in the send phase, when its metrics were read.</param>
public sealed record RunResult(
    string Target,
    bool[] Sent,
    long EventsSent,
    long Requests,
    long Retries,
    long Accepted,
    long Duplicates,
    long Rejected,
    TimeSpan Wall,
    TimeSpan Cpu,
    long Allocated,
    LatencyHistogram Latency,
    IReadOnlyList<long> PerSecond,
    GcActivity Gc,
    JitActivity Jit,
    long PeakWorkingSet,
    long? HostPeakWorkingSet = null,
    TimeSpan? HostCpu = null,
    long? PageFaults = null,
    HostRuntime? Host = null)
{
    /// <summary>Events acknowledged per wall second over the whole send phase.</summary>
    public double EventsPerSecond => Wall.TotalSeconds > 0 ? EventsSent / Wall.TotalSeconds : 0;

    /// <summary>Cores kept busy by this process (CPU time / wall time).</summary>
    public double CpuCores => Wall.TotalSeconds > 0 ? Cpu.TotalSeconds / Wall.TotalSeconds : 0;

    /// <summary>Managed bytes this process allocated per event sent.</summary>
    public double AllocatedPerEvent => EventsSent > 0 ? (double)Allocated / EventsSent : 0;

    /// <summary>Share of the send phase's wall time in which this process's managed threads were paused for collections.</summary>
    public double GcPauseShare => Wall.TotalSeconds > 0 ? Gc.Pause.TotalSeconds / Wall.TotalSeconds : 0;

    /// <summary>Managed bytes the web host allocated per event sent (null when not measured).</summary>
    public double? HostAllocatedPerEvent => Host is { } h && EventsSent > 0 ? (double)h.AllocatedBytes / EventsSent : null;

    /// <summary>Share of the send phase in which the web host's managed threads were paused for collections (null when not measured).</summary>
    public double? HostGcPauseShare => Host is { } h && Wall.TotalSeconds > 0 ? h.Gc.Pause.TotalSeconds / Wall.TotalSeconds : null;

    /// <summary>Cores kept busy by the web host (null when not measured).</summary>
    public double? HostCpuCores => HostCpu is { } h && Wall.TotalSeconds > 0 ? h.TotalSeconds / Wall.TotalSeconds : null;
}
