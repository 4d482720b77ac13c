using System.Globalization;
using System.IO.Hashing;
using System.Text;
using LiveGrains.Contracts.Events;
using LiveGrains.Grains.Rollup;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Workloads;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveGrains.LoadGen.Rollup;

/// <summary>
/// What a LIVE's rollup holds in memory after a given time on air, part by part. The load runs measure a silo's heap per
/// LIVE over a few simulated minutes; LIVEs stay on air for hours, and what grows with time on air only shows here. For
/// each time on air, a world of LIVEs that all stay on air that long is stepped 5 s at a time, each step's events read
/// back through Orleans' serializer as a silo receives them (so the strings a LIVE keeps are its own) and applied to bare
/// <see cref="LiveRollup"/>s. Each part is then measured by what releasing it in every rollup frees of the managed heap.
/// What the grain around the rollup holds (Orleans' activation, timers, the grain's own fields) is not in these numbers.
/// </summary>
public static class RollupMemoryBenchmark
{
    /// <summary>Times on air measured unless given, in minutes.</summary>
    public static readonly IReadOnlyList<int> MinutesOnAir = [3, 60, 180];

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    // Each part, and how to release it in a rollup: replaced by an empty one, whose few bytes stay under "the rest".
    private static readonly (string Part, Action<LiveRollup> Release)[] Parts =
    [
        ("event ids (dedupe window)", r => r.EventIds = new()),
        ("minute buckets", r => (r.Minutes, r.Sealed) = ([], null)),
        ("comments", r => r.Comments = new()),
        ("unique viewers", r => r.UniqueViewers = new()),
        ("unique buyers", r => r.UniqueBuyers = new()),
        ("order ids", r => (r.PaidOrders, r.RefundedOrders) = (new(FingerprintWidth.Half), new(FingerprintWidth.Half))),
        ("products", r => r.Products = []),
        ("promotions and violations", r => (r.Promotions, r.Violations) = ([], [])),
        ("viewer profile", r => r.Viewers = new()),
    ];

    /// <summary>Measures a world of <paramref name="lives"/> LIVEs after each time on air and prints the table; returns the exit code.</summary>
    public static int Run(int lives, IReadOnlyList<int>? minutesOnAir, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(lives, 1);
        var minutes = minutesOnAir ?? MinutesOnAir;
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rollup memory: {lives:N0} LIVEs on air, 5 s steps, each step's events serialized and read back; KiB per LIVE freed by releasing each part"));
        var columns = minutes.Select(m => Measure(lives, m, serializer)).ToList();
        output.WriteLine($"| | {string.Join(" | ", minutes.Select(m => $"{m:N0} min on air"))} |");
        output.WriteLine($"|---|{string.Concat(minutes.Select(_ => "---:|"))}");
        foreach (var row in columns[0].Rows.Keys)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row} | {string.Join(" | ", columns.Select(c => c.Rows[row]))} |"));
        }
        return 0;
    }

    private sealed record Column(Dictionary<string, string> Rows);

    private static Column Measure(int lives, int minutesOnAir, Serializer serializer)
    {
        // Every LIVE lasts longer than the time measured, so none ends before it.
        var options = new LoadGenOptions { Lives = lives, Agencies = Math.Max(1, lives / 100) };
        var world = WorkloadBuilder.World(options, (minutesOnAir + 10, minutesOnAir + 10));
        var rollups = new Dictionary<string, LiveRollup>(StringComparer.Ordinal);
        // The same events' ids spelled as GUIDs, as producers that do not number a LIVE's events write them: the window
        // keeps those as fingerprints, where the simulator's numbered ids go to its map of counters.
        var guidWindows = new Dictionary<string, DedupeWindow>(StringComparer.Ordinal);
        var clock = WorkloadBuilder.AlignedStart(DateTimeOffset.UtcNow);
        var end = clock.AddMinutes(minutesOnAir);
        long events = 0;
        while (clock < end)
        {
            clock += Step;
            var step = world.Step(clock, Step).ToArray();
            foreach (var e in serializer.Deserialize<LiveEvent[]>(serializer.SerializeToArray(step)) ?? [])
            {
                if (!rollups.TryGetValue(e.LiveId, out var rollup)) rollups[e.LiveId] = rollup = new LiveRollup();
                if (!guidWindows.TryGetValue(e.LiveId, out var guids)) guidWindows[e.LiveId] = guids = new DedupeWindow();
                if (rollup.Apply(e).Kind != ApplyKind.Rejected) guids.Add(GuidOf(e.EventId), e.OccurredAt);
                events++;
            }
        }
        var count = rollups.Count;
        var rows = new Dictionary<string, string>
        {
            ["events per LIVE"] = Format(events / (double)count, "N0"),
            ["event ids remembered per LIVE"] = Format(rollups.Values.Average(r => r.EventIds.Count), "N0"),
            ["comments kept per LIVE"] = Format(rollups.Values.Average(r => r.Comments.Count), "N1"),
        };
        var heap = Heap();
        guidWindows.Clear();
        Freed(ref heap, count, "event ids spelled as GUIDs instead, KiB (not in the total)", rows);
        double total = 0;
        foreach (var (part, release) in Parts)
        {
            foreach (var rollup in rollups.Values) release(rollup);
            total += Freed(ref heap, count, part + ", KiB", rows);
        }
        rollups.Clear();
        total += Freed(ref heap, count, "the rest (the rollup object, its ids and titles, empty parts), KiB", rows);
        rows["total, KiB per LIVE"] = Format(total, "N2");
        // The world (its viewers on air, its creators) stays alive until here, so that none of it is freed with a part.
        GC.KeepAlive(world);
        return new Column(rows);
    }

    private static double Freed(ref long heap, int lives, string row, Dictionary<string, string> rows)
    {
        var now = Heap();
        var kib = (heap - now) / 1024.0 / lives;
        heap = now;
        rows[row] = Format(kib, "N2");
        return kib;
    }

    private static string GuidOf(string eventId) => new Guid(XxHash128.Hash(Encoding.UTF8.GetBytes(eventId))).ToString("N");

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
