using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LiveGrains.Contracts.EventLog;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Measure;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Storage.EventLog;
using LiveGrains.Storage.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LiveGrains.LoadGen.Durable;

/// <summary>
/// Durable ingest against its ceiling: the same envelopes written into the same table by (a) raw binary COPY in large
/// chunks, the fastest a bulk loader can go, and (b) the event log writer fed by many concurrent small appends, each
/// waiting for its acknowledgement as a LIVE grain does. Both serialise the envelopes inside the clock. Rounds
/// alternate so drift on a shared machine hits both; the medians are compared.
/// </summary>
public static class DurableIngestBenchmark
{
    private const int CopyChunk = 5_000;

    /// <summary>Runs the benchmark and prints its table; returns the process exit code.</summary>
    public static async Task<int> RunAsync(DurableBenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.Postgres) { MaxPoolSize = 100 }.ConnectionString);
        await new SchemaMigrator(dataSource).MigrateAsync(cancellationToken);

        var appends = BuildAppends(options);
        var total = appends.Sum(a => (long)a.Events.Events.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"durable ingest: {total:N0} events of {options.Lives:N0} LIVEs in {appends.Count:N0} appends of ≤ {options.AppendSize}, {options.Concurrency ?? options.Lives:N0} LIVEs appending at once, {options.Rounds} rounds"));

        // An uncounted round of each first: the first COPYs of a process pay for JIT and connection set-up.
        await Measure("raw-copy", 0, dataSource, total, w => RawCopy(dataSource, appends, w, cancellationToken), cancellationToken);
        await Measure("log-writer", 0, dataSource, total, w => LogWriter(dataSource, appends, options.Concurrency ?? options.Lives, w, cancellationToken), cancellationToken);

        var rounds = new List<DurableRound>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            rounds.Add(await Measure("raw-copy", round, dataSource, total, w => RawCopy(dataSource, appends, w, cancellationToken), cancellationToken));
            rounds.Add(await Measure("log-writer", round, dataSource, total, w => LogWriter(dataSource, appends, options.Concurrency ?? options.Lives, w, cancellationToken), cancellationToken));
            foreach (var r in rounds.TakeLast(2)) output.WriteLine(Row(r));
        }

        var copy = Median(rounds, "raw-copy", r => r.SteadyEventsPerSecond);
        var log = Median(rounds, "log-writer", r => r.SteadyEventsPerSecond);
        var ratio = log / copy;
        var wholeCopy = Median(rounds, "raw-copy", r => r.EventsPerSecond);
        var wholeLog = Median(rounds, "log-writer", r => r.EventsPerSecond);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median sustained events/s (5-95 % of each round): raw COPY {copy:N0}, log writer {log:N0}; ratio {ratio:P1} (goal ≥ 85 %: {(ratio >= 0.85 ? "met" : "missed")})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median whole-round events/s (ramp-up and drain included): raw COPY {wholeCopy:N0}, log writer {wholeLog:N0}; ratio {wholeLog / wholeCopy:P1}"));
        if (options.JsonPath is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
                {
                    options, rounds, medianRawCopy = copy, medianLogWriter = log, ratio,
                    medianWholeRoundRawCopy = wholeCopy, medianWholeRoundLogWriter = wholeLog, wholeRoundRatio = wholeLog / wholeCopy,
                },
                new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        }
        return 0;
    }

    private static string Row(DurableRound r) => string.Create(CultureInfo.InvariantCulture,
        $"  round {r.Round} {r.Contender,-10} {r.SteadyEventsPerSecond,9:N0} events/s sustained, {r.EventsPerSecond,9:N0} whole round  {r.Seconds,6:F2} s  ack p50 {r.AckP50Ms,7:F2} ms  p99 {r.AckP99Ms,7:F2} ms  max {r.AckMaxMs,7:F2} ms  CPU {r.CpuCores:F2} cores  {r.Copies,6:N0} COPYs of {r.Events / (double)r.Copies,5:N0}");

    private static double Median(List<DurableRound> rounds, string contender, Func<DurableRound, double> rate) =>
        Statistics.Median(rounds.Where(r => r.Contender == contender).Select(rate));

    /// <summary>The run's events cut into per-LIVE appends with per-LIVE sequence numbers, interleaved as they arrive.</summary>
    private static List<(string LiveId, SequencedEvents Events)> BuildAppends(DurableBenchOptions options)
    {
        var workload = WorkloadBuilder.Build(new LoadGenOptions
        {
            Lives = options.Lives, Agencies = Math.Max(1, options.Lives / 100), Events = options.Events, Seed = options.Seed, Duplicates = 0,
        }, DateTimeOffset.UtcNow);
        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        var appends = new List<(string, SequencedEvents)>();
        foreach (var batch in workload.Batches)
        {
            foreach (var live in batch.GroupBy(e => e.LiveId, StringComparer.Ordinal))
            {
                foreach (var chunk in live.Chunk(options.AppendSize))
                {
                    var next = sequences.GetValueOrDefault(live.Key) + 1;
                    appends.Add((live.Key, new SequencedEvents(next, chunk)));
                    sequences[live.Key] = next + chunk.Length - 1;
                }
            }
        }
        return appends;
    }

    private static async Task<DurableRound> Measure(string contender, int round, NpgsqlDataSource dataSource, long expected,
        Func<SteadyWindow, Task<(LatencyHistogram Acks, long Copies)>> run, CancellationToken cancellationToken)
    {
        await using (var truncate = dataSource.CreateCommand("TRUNCATE live_event_log"))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }
        var window = new SteadyWindow(expected);
        var meter = new ResourceMeter();
        var (latencies, copies) = await run(window);
        var seconds = meter.Wall.TotalSeconds;
        var cores = meter.Cpu.TotalSeconds / seconds;
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM live_event_log");
        var written = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        if (written != expected) throw new InvalidOperationException($"{contender} round {round} wrote {written} rows, expected {expected}");
        return new DurableRound(contender, round, written, seconds, window.EventsPerSecond(written / seconds), latencies.Percentile(50) / 1000.0, latencies.Percentile(99) / 1000.0, latencies.Max / 1000.0, cores, copies);
    }

    private static async Task<(LatencyHistogram Acks, long Copies)> RawCopy(NpgsqlDataSource dataSource, List<(string LiveId, SequencedEvents Events)> appends,
        SteadyWindow window, CancellationToken cancellationToken)
    {
        // As many connections as the log writer uses, each copying large chunks back to back.
        var chunks = new ConcurrentQueue<List<SequencedEvents>>(CopyChunks(appends));
        long copies = chunks.Count;
        var writers = new EventLogOptions().Writers;
        var histograms = await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            var histogram = new LatencyHistogram();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            while (chunks.TryDequeue(out var chunk))
            {
                var started = Stopwatch.GetTimestamp();
                await EventLogCopy.WriteAsync(connection, chunk, DateTimeOffset.UtcNow, cancellationToken);
                window.Acknowledged(chunk.Sum(c => c.Events.Count));
                histogram.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
            return histogram;
        }));
        return (Merge(histograms), copies);
    }

    /// <summary>The appends in arrival order, gathered into COPYs of up to <see cref="CopyChunk"/> events.</summary>
    private static List<List<SequencedEvents>> CopyChunks(List<(string LiveId, SequencedEvents Events)> appends)
    {
        var chunks = new List<List<SequencedEvents>> { new() };
        var size = 0;
        foreach (var (_, events) in appends)
        {
            if (size > 0 && size + events.Events.Count > CopyChunk)
            {
                chunks.Add([]);
                size = 0;
            }
            chunks[^1].Add(events);
            size += events.Events.Count;
        }
        return chunks;
    }

    private static async Task<(LatencyHistogram Acks, long Copies)> LogWriter(NpgsqlDataSource dataSource, List<(string LiveId, SequencedEvents Events)> appends,
        int concurrency, SteadyWindow window, CancellationToken cancellationToken)
    {
        await using var log = new PostgresLiveEventLog(dataSource, Options.Create(new EventLogOptions()), TimeProvider.System,
            NullLogger<PostgresLiveEventLog>.Instance);
        // A LIVE grain appends its batches one after the other, each after the previous one was acknowledged, and with no
        // cancellation token (an acknowledged append must not be abandoned halfway): the run's token is checked between appends.
        var lives = new ConcurrentQueue<IGrouping<string, (string LiveId, SequencedEvents Events)>>(
            appends.GroupBy(a => a.LiveId, StringComparer.Ordinal));
        var histograms = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var histogram = new LatencyHistogram();
            while (lives.TryDequeue(out var live))
            {
                foreach (var append in live)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var started = Stopwatch.GetTimestamp();
                    await log.AppendAsync(append.LiveId, append.Events, CancellationToken.None);
                    window.Acknowledged(append.Events.Events.Count);
                    histogram.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
            }
            return histogram;
        }));
        return (Merge(histograms), log.Committed.Commits);
    }

    private static LatencyHistogram Merge(IEnumerable<LatencyHistogram> histograms)
    {
        var all = new LatencyHistogram();
        foreach (var h in histograms) all.Merge(h);
        return all;
    }
}
