using System.Diagnostics;
using LiveGrains.LoadGen.Measure;
using LiveGrains.LoadGen.Targets;
using LiveGrains.LoadGen.Workloads;

namespace LiveGrains.LoadGen.Runs;

/// <summary>
/// Sends a workload's batches to a target with a fixed number of requests in flight, optionally paced to a rate, and
/// retries failures with the same events (so the system's dedupe keeps totals exact). With a rate, latency is taken
/// from the moment a request was due, not when it went out, so a slow system cannot hide its queueing delay.
/// </summary>
public static class LoadRunner
{
    /// <summary>Runs <paramref name="workload"/> against <paramref name="target"/>.</summary>
    public static async Task<RunResult> RunAsync(ITarget target, Workload workload, RunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(settings);
        var batches = workload.Batches;
        var sent = new bool[batches.Count];
        var counters = new Counters();
        var histograms = Enumerable.Range(0, settings.Concurrency).Select(_ => new LatencyHistogram()).ToArray();
        var hostAtStart = settings.HostMetrics is null ? null : await HostRuntime.ReadAsync(settings.HostMetrics, cancellationToken);
        var meter = new ResourceMeter(settings.HostProcessId);
        var start = Stopwatch.GetTimestamp();
        var deadline = settings.Duration is { } d ? start + (long)(d.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var eventsBefore = new long[batches.Count + 1];
        for (var i = 0; i < batches.Count; i++) eventsBefore[i + 1] = eventsBefore[i] + batches[i].Length;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var series = new List<long>();
        var progress = Progress(target.Name, counters, meter, series, settings.Progress, stop.Token);
        var next = -1;
        async Task Worker(LatencyHistogram histogram)
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= batches.Count || Stopwatch.GetTimestamp() >= deadline) return;
                var due = Stopwatch.GetTimestamp();
                if (settings.Rate > 0)
                {
                    due = start + (long)(eventsBefore[i] / settings.Rate * Stopwatch.Frequency);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                }
                sent[i] = true;
                var sentAt = DateTimeOffset.UtcNow;
                var outcome = await SendWithRetries(target, batches[i], settings.MaxAttempts, counters, cancellationToken);
                settings.Acked?.Invoke(i, sentAt, outcome.Sequences);
                histogram.Record((long)Stopwatch.GetElapsedTime(due).TotalMicroseconds);
                Interlocked.Add(ref counters.Accepted, outcome.Accepted);
                Interlocked.Add(ref counters.Duplicates, outcome.Duplicates);
                Interlocked.Add(ref counters.Rejected, outcome.Rejected);
                Interlocked.Add(ref counters.Events, batches[i].Length);
                Interlocked.Increment(ref counters.Requests);
            }
        }
        TimeSpan wall, cpu;
        TimeSpan? hostCpu;
        long allocated;
        GcActivity gc;
        JitActivity jit;
        long peak;
        long? hostPeak, pageFaults;
        try
        {
            await Task.WhenAll(histograms.Select(h => Task.Run(() => Worker(h), cancellationToken)));
        }
        finally
        {
            (wall, cpu, hostCpu, allocated, gc) = (meter.Wall, meter.Cpu, meter.HostCpu, meter.Allocated, meter.Gc);
            (jit, peak, hostPeak, pageFaults) = (meter.Jit, ResourceMeter.PeakWorkingSet, meter.HostPeakWorkingSet, meter.PageFaultCount);
            await stop.CancelAsync();
            await progress;
        }
        var hostAtEnd = hostAtStart is null ? null : await HostRuntime.ReadAsync(settings.HostMetrics!, cancellationToken);
        var latency = new LatencyHistogram();
        foreach (var h in histograms) latency.Merge(h);
        // The last, partial second is kept: the series sums to the events sent.
        series.Add(counters.Events - series.Sum());
        return new RunResult(target.Name, sent, counters.Events, counters.Requests, counters.Retries, counters.Accepted, counters.Duplicates,
            counters.Rejected, wall, cpu, allocated, latency, series, gc, jit, peak, hostPeak, hostCpu, pageFaults, hostAtEnd - hostAtStart);
    }

    private static async Task<SendOutcome> SendWithRetries(ITarget target, LiveGrains.Contracts.Events.LiveEvent[] batch, int maxAttempts, Counters counters, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await target.SendAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < maxAttempts && ex is not InvalidOperationException)
            {
                Interlocked.Increment(ref counters.Retries);
                // Exponential back-off from 50 ms, capped at 2 s, unless the system said how long to wait.
                var wait = (ex as TransientSendException)?.RetryAfter ?? TimeSpan.FromMilliseconds(Math.Min(2000, 50 * Math.Pow(2, attempt - 1)));
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    private static async Task Progress(string name, Counters counters, ResourceMeter meter, List<long> series,
        TextWriter? output, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        long last = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Interlocked.Read(ref counters.Events);
                series.Add(now - last);
                last = now;
                output?.WriteLine(
                    $"[{name}] {meter.Wall.TotalSeconds,5:0}s  {now,10:N0} events  {series[^1],9:N0} ev/s  retries {Interlocked.Read(ref counters.Retries)}  cpu {meter.Cpu.TotalSeconds / meter.Wall.TotalSeconds:0.00} cores" +
                    (meter.HostCpu is { } host ? $"  host cpu {host.TotalSeconds / meter.Wall.TotalSeconds:0.00} cores" : ""));
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended; the caller adds the last partial second.
        }
    }

    private sealed class Counters
    {
        public long Events;
        public long Requests;
        public long Retries;
        public long Accepted;
        public long Duplicates;
        public long Rejected;
    }
}
