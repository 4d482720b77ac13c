using System.Diagnostics;
using System.Globalization;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Attention;
using LiveGrains.Grains.Hosting;
using LiveGrains.Grains.Rollup;
using LiveGrains.Grains.Sessions;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Measure;
using LiveGrains.LoadGen.Workloads;

namespace LiveGrains.LoadGen.Rollup;

/// <summary>
/// What a LIVE's rollup costs per event on its own, with no grain, message or timer around it: the load generator's
/// requests split by LIVE as ingest splits them, each event validated, checked against its LIVE and applied to a bare
/// <see cref="LiveRollup"/>, on one thread. Worlds of several sizes get the same events per LIVE: with a few hundred
/// LIVEs every LIVE's state stays in the processor's caches, with ten thousand (a silo's) it does not, and the
/// difference is what reaching that state costs. The split alone is timed too, since the limit grain pays it as well.
/// </summary>
public static class RollupCostBenchmark
{
    /// <summary>World sizes, in LIVEs, measured in turn.</summary>
    public static readonly IReadOnlyList<int> Worlds = [200, 1_000, 10_000];

    // Passes of each world that are not counted: its first ones, while the garbage collector sizes its budgets.
    private const int UncountedPasses = 4;

    // Tiered JIT reaches optimized code only after a method has run for a while: the smaller worlds' passes take a few
    // milliseconds, so a warm-up of this long on one world comes first.
    private static readonly TimeSpan JitWarmUp = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Measures <paramref name="passes"/> passes per world (<see cref="Worlds"/> unless given) and prints the table, then
    /// what reading one LIVE's totals costs by its time on air (<see cref="MinutesOnAir"/> unless given); returns the exit code.
    /// </summary>
    public static int Run(int eventsPerLive, int passes, TextWriter output, IReadOnlyList<int>? worlds = null, TimeSpan? jitWarmUp = null,
        IReadOnlyList<int>? minutesOnAir = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerLive, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        var warmUpFor = jitWarmUp ?? JitWarmUp;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rollup cost: {eventsPerLive:N0} events per LIVE, {passes} passes per world after {UncountedPasses} uncounted and a JIT warm-up of {warmUpFor.TotalSeconds:0} s, one thread, fresh rollups each pass"));
        var warmUp = Build(1_000, eventsPerLive);
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < warmUpFor)
        {
            SplitOnly(warmUp);
            SplitAndApply(warmUp, DateTimeOffset.UtcNow.AddHours(1));
        }
        output.WriteLine("| LIVEs | events | split ns/event (median) | split + rollup ns/event (min / median) | rollup ns/event (median) | allocated B/event (split and rollup) | accepted |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var lives in worlds ?? Worlds)
        {
            var workload = Build(lives, eventsPerLive);
            var events = workload.EventCount;
            // Every event is within the producers' clock skew of this instant.
            var now = DateTimeOffset.UtcNow.AddHours(1);
            var split = new List<double>();
            var whole = new List<double>();
            var allocated = new List<double>();
            long accepted = -1;
            for (var pass = 0; pass < UncountedPasses + passes; pass++)
            {
                var splitNanos = Time(() => SplitOnly(workload));
                var before = GC.GetAllocatedBytesForCurrentThread();
                long passAccepted = 0;
                var wholeNanos = Time(() => passAccepted = SplitAndApply(workload, now));
                var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                // The same events into fresh rollups: anything but the same outcome every pass is a bug, not noise.
                if (accepted >= 0 && passAccepted != accepted)
                    throw new InvalidOperationException($"pass {pass} accepted {passAccepted} events, an earlier one {accepted}");
                accepted = passAccepted;
                if (pass < UncountedPasses) continue;
                split.Add(splitNanos / events);
                whole.Add(wholeNanos / events);
                allocated.Add(bytes / (double)events);
            }
            var splitMedian = Statistics.Median(split);
            var wholeMedian = Statistics.Median(whole);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {lives:N0} | {events:N0} | {splitMedian:N0} | {whole.Min():N0} / {wholeMedian:N0} | {wholeMedian - splitMedian:N0} | {Statistics.Median(allocated):N0} | {accepted:N0} |"));
        }
        WriteTotalsByTimeOnAir(minutesOnAir ?? MinutesOnAir, output);
        return 0;
    }

    /// <summary>Times on air at which <see cref="WriteTotalsByTimeOnAir"/> reads a LIVE's totals.</summary>
    public static readonly IReadOnlyList<int> MinutesOnAir = [3, 60, 180, 720];

    // A LIVE builds its card from its totals and its attention rules every tick: what one read of each costs after a LIVE
    // has been on air a while, with a viewer sample, likes and an order in every minute. Read at one instant: a read must
    // not cost more for being the same as the last, and ticks come within the same minute about sixty times. Then what a
    // late order costs the next read, which once summed every minute again.
    private static void WriteTotalsByTimeOnAir(IReadOnlyList<int> minutesOnAir, TextWriter output)
    {
        output.WriteLine("| minutes on air | totals read, µs | attention rules, µs | attention rules with the widest windows, µs | a late order, then the totals, µs | a card, µs / bytes | a comment, then a card, µs / bytes |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var minutes in minutesOnAir)
        {
            var start = DateTimeOffset.UtcNow.AddMinutes(-minutes - 1);
            var rollup = new LiveRollup();
            for (var m = 0; m < minutes; m++)
            {
                var at = start.AddMinutes(m);
                rollup.Apply(new LiveEvent($"s-{m}", "live-1", "creator-1", at, new ViewerCountSampled(100 + m)));
                rollup.Apply(new LiveEvent($"l-{m}", "live-1", "creator-1", at.AddSeconds(10), new LikesReceived(5)));
                rollup.Apply(new LiveEvent($"o-{m}", "live-1", "creator-1", at.AddSeconds(20), new OrderPaid($"order-{m}", "p-1", "b-1", 1, 9.99m, "USD", false)));
            }
            var now = start.AddMinutes(minutes);
            var thresholds = AttentionThresholds.Default;
            var totals = ReadCost(() => RollupReader.Totals(rollup, now));
            var attention = ReadCost(() => AttentionRules.Evaluate(rollup, thresholds, now));
            var widest = ReadCost(() => AttentionRules.Evaluate(rollup, WidestWindows, now));
            // The whole card a tick builds (totals, derived metrics, comments, pinned product, violations, attention).
            var state = new LiveSessionState { Rollup = rollup, Thresholds = thresholds };
            var card = ReadCost(() => LiveViews.Card(state, now, CardComments));
            var cardBytes = BytesPerRead(() => LiveViews.Card(state, now, CardComments));
            // An order for the LIVE's second minute, long complete (a refund or a late order does this), then a read.
            var late = 0;
            var lateOrder = ReadCost(() =>
            {
                rollup.Apply(new LiveEvent($"late-{late}", "live-1", "creator-1", start.AddMinutes(1), new OrderPaid($"late-order-{late++}", "p-1", "b-1", 1, 1m, "USD", false)));
                RollupReader.Totals(rollup, now);
            });
            // A comment posted after all the others, then the card: the tick of a LIVE that got one comment since its last.
            var comments = 0;
            void CommentThenCard()
            {
                var n = comments++;
                rollup.Apply(new LiveEvent($"c-{n}", "live-1", "creator-1", now.AddSeconds(-1).AddTicks(n),
                    new CommentPosted($"viewer-{n % 500}", $"nick{n % 17}", "Love this colour, is it in stock?")));
                LiveViews.Card(state, now, CardComments);
            }
            var commentCard = ReadCost(CommentThenCard);
            var commentCardBytes = BytesPerRead(CommentThenCard);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {minutes:N0} | {totals:N2} | {attention:N2} | {widest:N2} | {lateOrder:N2} | {card:N2} / {cardBytes:N0} | {commentCard:N2} / {commentCardBytes:N0} |"));
        }
    }

    // An agency that looks as far back as its settings allow: the viewer peak of the last 240 minutes, engagement of the
    // last 60 against the 240 before.
    private static readonly AttentionThresholds WidestWindows = AttentionThresholds.Default with
    {
        ViewerDropWindowMinutes = 240,
        EngagementWindowMinutes = 60,
        EngagementBaselineMinutes = 240,
    };

    // The comments a card shows by default.
    private static readonly int CardComments = new LiveGrainsOptions().CardComments;

    // Managed bytes one read allocates, over 1,000 reads on this thread (after ReadCost has run it, so the JIT is done).
    private static double BytesPerRead(Action read)
    {
        const int Reads = 1_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Reads; i++) read();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Reads;
    }

    // µs per read: the median of five rounds of 20,000 reads, after a round for the JIT.
    private static double ReadCost(Action read)
    {
        const int Reads = 20_000;
        var rounds = new List<double>();
        for (var round = 0; round < 6; round++)
        {
            var nanos = Time(() =>
            {
                for (var i = 0; i < Reads; i++) read();
            });
            if (round > 0) rounds.Add(nanos / Reads / 1000);
        }
        return Statistics.Median(rounds);
    }

    private static Workload Build(int lives, int eventsPerLive) => WorkloadBuilder.Build(new LoadGenOptions
    {
        Lives = lives,
        Agencies = Math.Max(1, lives / 100),
        Events = (long)lives * eventsPerLive,
    }, DateTimeOffset.UtcNow);

    private static double Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalNanoseconds;
    }

    private static void SplitOnly(Workload workload)
    {
        foreach (var batch in workload.Batches) LiveBatch.SplitByLive(batch);
    }

    // What a LIVE grain does with its part of a request, less the grain: validation, the LIVE check, the rollup.
    private static long SplitAndApply(Workload workload, DateTimeOffset now)
    {
        var rollups = new Dictionary<string, LiveRollup>(StringComparer.Ordinal);
        long accepted = 0;
        foreach (var batch in workload.Batches)
        {
            foreach (var part in LiveBatch.SplitByLive(batch))
            {
                if (!rollups.TryGetValue(part.LiveId, out var rollup)) rollups[part.LiveId] = rollup = new LiveRollup();
                foreach (var e in part.Events)
                {
                    var problem = EventValidator.Validate(e, now) ?? (e.LiveId == part.LiveId ? null : "another LIVE's event");
                    if (problem is null && rollup.Apply(e).Kind == ApplyKind.Accepted) accepted++;
                }
            }
        }
        return accepted;
    }
}
