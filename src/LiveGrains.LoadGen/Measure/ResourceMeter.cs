using System.Diagnostics;

namespace LiveGrains.LoadGen.Measure;

/// <summary>Wall time and this process's CPU time between start and stop; CPU/wall is the number of cores kept busy.</summary>
public sealed class ResourceMeter
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Wall time so far.</summary>
    public TimeSpan Wall => _wall.Elapsed;

    /// <summary>Process CPU time so far.</summary>
    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;

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
