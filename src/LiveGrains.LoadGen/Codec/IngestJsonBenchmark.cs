using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Measure;
using LiveGrains.LoadGen.Workloads;

namespace LiveGrains.LoadGen.Codec;

/// <summary>
/// What HTTP ingest's parsing costs per event on one thread: the standard workload's requests written as the JSON array
/// bodies producers send, then read back the way the web host reads a body (<see cref="EventJson.TryRead"/> per item of
/// the array). The first pass checks that every event reads back equal to the one written, so a faster reader cannot
/// be a wrong one.
/// </summary>
public static class IngestJsonBenchmark
{
    // Passes that are not counted: the JIT's tiers settle over the first ones.
    private const int UncountedPasses = 5;

    /// <summary>Parses the bodies of <paramref name="events"/> events <paramref name="passes"/> times and prints ns and bytes per event; returns the exit code.</summary>
    public static int Run(int events, int passes, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        var workload = WorkloadBuilder.Build(new LoadGenOptions { Events = events }, DateTimeOffset.UtcNow);
        var bodies = workload.Batches.Select(EventJson.ToJsonArray).ToList();
        var count = workload.EventCount;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest JSON: {count:N0} events of the standard workload in {bodies.Count:N0} array bodies, {bodies.Sum(b => (long)b.Length) / (double)count:N0} bytes per event; {passes} passes after {UncountedPasses} uncounted, one thread"));
        CheckRoundTrip(workload.Batches, bodies);

        var nanos = new List<double>();
        var allocated = new List<double>();
        for (var pass = 0; pass < UncountedPasses + passes; pass++)
        {
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            var parsed = 0;
            foreach (var body in bodies) parsed += Parse(body, null);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalNanoseconds;
            var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            if (parsed != count) throw new InvalidOperationException($"pass {pass} parsed {parsed:N0} of {count:N0} events");
            if (pass < UncountedPasses) continue;
            nanos.Add(elapsed / count);
            allocated.Add(bytes / (double)count);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ns per event: min {nanos.Min():N0}, median {Statistics.Median(nanos):N0}, max {nanos.Max():N0}; allocated {Statistics.Median(allocated):N0} B per event"));
        return 0;
    }

    private static void CheckRoundTrip(IReadOnlyList<LiveEvent[]> batches, IReadOnlyList<byte[]> bodies)
    {
        for (var i = 0; i < bodies.Count; i++)
        {
            var read = new List<LiveEvent>(batches[i].Length);
            Parse(bodies[i], read);
            for (var k = 0; k < batches[i].Length; k++)
            {
                if (k >= read.Count || !Same(read[k], batches[i][k]))
                    throw new InvalidOperationException($"body {i}, event {k} ({batches[i][k].EventId}) did not read back equal to what was written");
            }
        }
    }

    // The wire keeps an instant in UTC; a record compares DateTimeOffset by instant already, the payload by value.
    private static bool Same(LiveEvent read, LiveEvent written) => read == written with { OccurredAt = written.OccurredAt.ToUniversalTime() };

    // The web host's loop over an array body (IngestRequestReader): an item that does not read is an error here, since
    // every event written is valid.
    private static int Parse(byte[] body, List<LiveEvent>? into)
    {
        var reader = new Utf8JsonReader(body);
        reader.Read();
        var parsed = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!EventJson.TryRead(ref reader, out var e, out var eventId, out var error))
                throw new InvalidOperationException($"event {eventId} did not read: {error}");
            into?.Add(e!);
            parsed++;
        }
        return parsed;
    }
}
