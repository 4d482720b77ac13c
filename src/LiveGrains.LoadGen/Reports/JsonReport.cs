using System.Text.Json;
using LiveGrains.LoadGen.Runs;

namespace LiveGrains.LoadGen.Reports;

/// <summary>Writes a run's results as JSON for plotting: one object per target with its per-second throughput series.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(SuiteResult result, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var document = new
        {
            machine = new { cores = Environment.ProcessorCount, serverGc = System.Runtime.GCSettings.IsServerGC, os = Environment.OSVersion.VersionString, runtime = Environment.Version.ToString() },
            // The signing key stays out: results are committed, keys are not.
            options = new { o.Targets, o.Lives, o.Agencies, o.Seed, o.RateScale, o.Events, o.DurationSeconds, o.Batch, o.Concurrency, o.Rate, o.Duplicates, o.Dashboards, o.OnAirFirst, o.Rounds },
            workloadEvents = result.WorkloadEvents,
            simulatedSeconds = result.SimulatedSeconds,
            passed = result.Passed,
            ratios = SummaryTable.Ratios(result).Select(r => new { text = r.Line, met = r.Met }),
            targets = result.Targets.Select(t => new
            {
                target = t.Run.Target,
                round = t.Round + 1,
                eventsSent = t.Run.EventsSent,
                requests = t.Run.Requests,
                retries = t.Run.Retries,
                accepted = t.Run.Accepted,
                duplicates = t.Run.Duplicates,
                rejected = t.Run.Rejected,
                wallSeconds = t.Run.Wall.TotalSeconds,
                eventsPerSecond = t.Run.EventsPerSecond,
                cpuCores = t.Run.CpuCores,
                hostCpuCores = t.Run.HostCpuCores,
                allocatedBytesPerEvent = t.Run.AllocatedPerEvent,
                peakWorkingSetBytes = t.Run.PeakWorkingSet,
                hostPeakWorkingSetBytes = t.Run.HostPeakWorkingSet,
                pageFaults = t.Run.PageFaults,
                host = t.Run.Host is { } h
                    ? new { allocatedBytesPerEvent = t.Run.HostAllocatedPerEvent, gc = new { pauseShare = t.Run.HostGcPauseShare, pauseSeconds = h.Gc.Pause.TotalSeconds, gen0 = h.Gc.Gen0, gen1 = h.Gc.Gen1, gen2 = h.Gc.Gen2 } }
                    : null,
                gc = new { pauseShare = t.Run.GcPauseShare, pauseSeconds = t.Run.Gc.Pause.TotalSeconds, gen0 = t.Run.Gc.Gen0, gen1 = t.Run.Gc.Gen1, gen2 = t.Run.Gc.Gen2 },
                jit = new { methods = t.Run.Jit.Methods, seconds = t.Run.Jit.Time.TotalSeconds },
                latencyMs = new
                {
                    p50 = t.Run.Latency.Percentile(50) / 1000.0,
                    p95 = t.Run.Latency.Percentile(95) / 1000.0,
                    p99 = t.Run.Latency.Percentile(99) / 1000.0,
                    max = t.Run.Latency.Max / 1000.0,
                },
                lives = t.Lives,
                activeLives = t.ActiveLives,
                heapBytesPerActiveLive = t.HeapBytesPerActiveLive,
                dashboards = t.Dashboards is { } d
                    ? new { d.Requested, d.Connected, d.Messages, d.Samples, d.Pending, p50Ms = d.P50Ms, p99Ms = d.P99Ms, maxMs = d.MaxMs, goalMs = d.GoalMs, met = d.Met, windows = d.Windows, stages = d.Stages, onAir = d.OnAir }
                    : null,
                onAir = t.OnAir,
                totalsCheck = new { t.Totals.Passed, t.Totals.Summary, t.Totals.Differences },
                ackCheck = new { t.Acks.Passed, t.Acks.Summary, t.Acks.Differences },
                perSecond = t.Run.PerSecond,
            }),
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, document, Indented, cancellationToken);
    }
}
