using System.Diagnostics;

namespace LiveGrains.LoadGen.Measure;

/// <summary>
/// Wall time, this process's CPU time, the bytes it allocated, its garbage collections and its JIT compilations between
/// start and stop; CPU/wall is the number of cores kept busy.
/// </summary>
public sealed class ResourceMeter
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes();
    private readonly GcActivity _gcAtStart = GcActivity.Now();
    private readonly JitActivity _jitAtStart = JitActivity.Now();
    private readonly long? _pageFaultsAtStart = PageFaults.Minor();
    private readonly Process? _host;
    private readonly TimeSpan _hostCpuAtStart;

    /// <summary>A meter of this process, and of the web host's process too when <paramref name="hostProcessId"/> is not 0.</summary>
    public ResourceMeter(int hostProcessId = 0)
    {
        if (hostProcessId == 0) return;
        // On the same machine the host's CPU is the cost of the system under test; this process's is the generator's.
        _host = Process.GetProcessById(hostProcessId);
        _hostCpuAtStart = _host.TotalProcessorTime;
    }

    /// <summary>The web host's CPU time so far, when a host process was given.</summary>
    public TimeSpan? HostCpu
    {
        get
        {
            if (_host is null) return null;
            _host.Refresh();
            return _host.HasExited ? null : _host.TotalProcessorTime - _hostCpuAtStart;
        }
    }

    /// <summary>The web host's peak resident memory since it started, when a host process was given.</summary>
    public long? HostPeakWorkingSet
    {
        get
        {
            if (_host is null) return null;
            _host.Refresh();
            return _host.HasExited ? null : _host.PeakWorkingSet64;
        }
    }

    /// <summary>This process's peak resident memory since it started (the workload it generated included).</summary>
    public static long PeakWorkingSet
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return self.PeakWorkingSet64;
        }
    }

    /// <summary>Wall time so far.</summary>
    public TimeSpan Wall => _wall.Elapsed;

    /// <summary>Process CPU time so far.</summary>
    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;

    /// <summary>
    /// Managed bytes this process allocated so far: with an in-process silo, the silo's too, which is what its collections
    /// are paid for.
    /// </summary>
    public long Allocated => GC.GetTotalAllocatedBytes() - _allocatedAtStart;

    /// <summary>Collections and pause time in this process so far; with an in-process silo, what its allocations cost.</summary>
    public GcActivity Gc => GcActivity.Now() - _gcAtStart;

    /// <summary>Methods this process compiled so far, and the time it took; with an in-process silo, the silo's too.</summary>
    public JitActivity Jit => JitActivity.Now() - _jitAtStart;

    /// <summary>Minor page faults of this process so far (fresh pages it touched); null where the kernel does not say.</summary>
    public long? PageFaultCount => PageFaults.Minor() - _pageFaultsAtStart;

    /// <summary>Heap bytes after a full, compacting, blocking collection, so a delta between two calls is live data only.</summary>
    public static long SettledHeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
