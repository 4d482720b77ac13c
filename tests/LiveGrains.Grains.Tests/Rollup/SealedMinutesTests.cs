using System.Globalization;
using System.Reflection;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Rollup;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class SealedMinutesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    // Every field as text: decimals with their scale (1.0 is not 1.00 here), instants with their offset.
    private static string Fields(MinuteBucket? b) => b is null ? "none" : string.Join(", ", typeof(MinuteBucket)
        .GetFields(BindingFlags.Public | BindingFlags.Instance)
        .Select(f => f.GetValue(b) switch
        {
            decimal d => $"{f.Name}={d.ToString(CultureInfo.InvariantCulture)}",
            DateTimeOffset t => $"{f.Name}={t.UtcTicks}@{t.Offset}",
            var v => $"{f.Name}={v}",
        }));

    private static MinuteBucket RandomBucket(Random random)
    {
        long Count() => random.Next(4) switch { 0 => 0, 1 => random.Next(1, 100), 2 => random.NextInt64(0, long.MaxValue), _ => -random.Next(1, 1_000) };
        decimal Money() => random.Next(4) switch
        {
            0 => 0m,
            1 => 0.00m,
            2 => random.Next(1, 1_000_000) / 100m,
            _ => new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(0, 29)),
        };
        var b = new MinuteBucket
        {
            Gmv = Money(), AffiliateGmv = Money(), RefundedAmount = Money(), Orders = Count(), ItemsSold = Count(), Refunds = Count(),
            Views = Count(), LiveImpressions = Count(), ProductImpressions = Count(), ProductClicks = Count(), Likes = Count(),
            Comments = Count(), Shares = Count(), NewFollowers = Count(), ViewerSampleSum = Count(), ViewerSamples = Count(),
            ViewerSampleMax = Count(), LastSample = Count(), Leaves = Count(),
        };
        if (random.Next(3) > 0) b.LastSampleAt = T0.AddTicks(random.NextInt64(-1_000_000_000, 1_000_000_000)).ToOffset(TimeSpan.FromMinutes(random.Next(-14, 15) * 60));
        return b;
    }

    [Fact]
    public void Every_sealed_minute_reads_back_as_it_was_whatever_order_it_is_read_in()
    {
        var random = new Random(11);
        var sealedMinutes = new SealedMinutes();
        var expected = new Dictionary<long, MinuteBucket>();
        var minute = LiveRollup.MinuteOf(T0) - 3_000_000;
        for (var i = 0; i < 300; i++)
        {
            // Mostly the next minute; some gaps, one of years.
            minute += i == 40 ? 2_000_000 : random.Next(5) == 0 ? random.Next(2, 30) : 1;
            var bucket = RandomBucket(random);
            sealedMinutes.Append(minute, bucket);
            expected[minute] = bucket;
        }
        var copy = SerializerRoundTrip.Of(sealedMinutes);
        var minutes = expected.Keys.Order().ToList();
        var everyMinute = Enumerable.Range(0, 2_000).Select(k => minutes[0] + k).Concat(minutes).ToList();

        foreach (var m in everyMinute.Concat(everyMinute.OrderBy(_ => random.Next())))
        {
            Fields(sealedMinutes.Read(m)).ShouldBe(Fields(expected.GetValueOrDefault(m)), $"minute {m}");
            Fields(copy.Read(m)).ShouldBe(Fields(expected.GetValueOrDefault(m)), $"minute {m}, copy");
        }
        sealedMinutes.All().Select(x => (x.Minute, Fields(x.Bucket))).ShouldBe(minutes.Select(m => (m, Fields(expected[m]))));
        sealedMinutes.Read(minutes[0] - 1).ShouldBeNull();
        sealedMinutes.Read(minutes[^1] + 1).ShouldBeNull();
    }

    [Fact]
    public void A_record_written_with_the_sample_time_counted_from_year_one_reads_back_as_it_was()
    {
        // As builds before times within the minute wrote a minute's record: its mask (bits 15, 17 and 18), then the
        // counters and the last sample's time, all zigzag varints, the time as ticks from year 1 and the offset in minutes.
        var minute = LiveRollup.MinuteOf(T0);
        var at = T0.AddSeconds(42.5).ToOffset(TimeSpan.FromHours(8));
        var bytes = new byte[64];
        var length = VarInt.Write(bytes, 0, 0);
        length = VarInt.Write(bytes, length, (1u << 15) | (1u << 17) | (1u << 18));
        foreach (var value in new long[] { 1, 321, at.UtcTicks, 8 * 60 }) length = VarInt.Write(bytes, length, (ulong)((value << 1) ^ (value >> 63)));
        var earlier = new SealedMinutes { Bytes = bytes, Length = length, Count = 1, Last = minute, IndexMinutes = [minute], IndexOffsets = [0] };

        var bucket = earlier.Read(minute).ShouldNotBeNull();

        (bucket.ViewerSamples, bucket.LastSample, bucket.LastSampleAt, bucket.LastSampleAt.Offset).ShouldBe((1L, 321L, at, at.Offset));
        earlier.Append(minute + 1, bucket);
        earlier.Length.ShouldBeLessThan(2 * length);
        // Read afresh, the later record is found past the earlier one, which is skipped undecoded.
        var copy = new SealedMinutes
        {
            Bytes = earlier.Bytes, Length = earlier.Length, Count = earlier.Count, Last = earlier.Last,
            IndexMinutes = earlier.IndexMinutes, IndexOffsets = earlier.IndexOffsets,
        };
        Fields(copy.Read(minute + 1)).ShouldBe(Fields(bucket));
        copy.All().Select(x => (x.Minute, Fields(x.Bucket))).ShouldBe([(minute, Fields(bucket)), (minute + 1, Fields(bucket))]);
    }

    [Fact]
    public void A_minute_sealed_out_of_order_is_refused()
    {
        var sealedMinutes = new SealedMinutes();
        sealedMinutes.Append(100, new MinuteBucket());

        Should.Throw<ArgumentOutOfRangeException>(() => sealedMinutes.Append(100, new MinuteBucket())).Message.ShouldContain("in order");
    }

    [Fact]
    public void Minutes_before_the_newest_two_are_sealed_and_late_events_for_one_still_count()
    {
        var r = new LiveRollup();
        var n = 0;
        ApplyOutcome Apply(DateTimeOffset at, LiveEventData data) => r.Apply(new LiveEvent($"e-{n++}", "live-1", "creator-1", at, data));
        for (var minute = 0; minute < 90; minute++)
        {
            Apply(T0.AddMinutes(minute), new ViewerCountSampled(100 + minute));
            Apply(T0.AddMinutes(minute).AddSeconds(30), new LikesReceived(minute + 1));
        }
        var now = T0.AddMinutes(90);
        var before = RollupReader.Totals(r, now);
        var trendBefore = RollupReader.Trends(r, now);

        r.Sealed.ShouldNotBeNull().Count.ShouldBe(90 - LiveRollup.OpenMinutes);
        r.Minutes.Count.ShouldBe(LiveRollup.OpenMinutes);
        before.Likes.ShouldBe(Enumerable.Range(1, 90).Sum());

        // Before the dedupe window only an order still counts; in it (minute 85, sealed) a like and a viewer sample do too.
        Apply(T0.AddMinutes(3).AddSeconds(10), new LikesReceived(5)).Kind.ShouldBe(ApplyKind.Rejected);
        Apply(T0.AddMinutes(3).AddSeconds(20), new OrderPaid("o-1", "p-1", "b-1", 2, 19.90m, "USD", false)).Kind.ShouldBe(ApplyKind.Accepted);
        Apply(T0.AddMinutes(85).AddSeconds(40), new LikesReceived(1_000)).Kind.ShouldBe(ApplyKind.Accepted);
        Apply(T0.AddMinutes(85).AddSeconds(50), new ViewerCountSampled(10_000)).Kind.ShouldBe(ApplyKind.Accepted);

        var after = RollupReader.Totals(r, now);
        after.ShouldBe(before with
        {
            Orders = 1, ItemsSold = 2, Gmv = 19.90m, Buyers = 1, Likes = before.Likes + 1_000,
            ViewerSeconds = after.ViewerSeconds, PeakViewers = 10_000,
        });
        after.ViewerSeconds.ShouldBeGreaterThan(before.ViewerSeconds);
        var bucket = r.BucketAt(LiveRollup.MinuteOf(T0.AddMinutes(85))).ShouldNotBeNull();
        (bucket.Likes, bucket.ViewerSamples, bucket.ViewerSampleMax, bucket.LastSample).ShouldBe((86 + 1_000, 2, 10_000, 10_000));
        r.PeakViewersFrom(LiveRollup.MinuteOf(T0.AddMinutes(80))).ShouldBe(10_000);
        r.InteractionsBetween(LiveRollup.MinuteOf(T0.AddMinutes(85)), LiveRollup.MinuteOf(T0.AddMinutes(86))).ShouldBe(86 + 1_000);
        var trend = RollupReader.Trends(r, now);
        trend.Count.ShouldBe(trendBefore.Count);
        static string Point(TrendPoint p) => $"{p.Minute:O} " + string.Join(",", p.Values.Select(v => $"{v.Key}={v.Value}"));
        Point(trend[3]).ShouldNotBe(Point(trendBefore[3]));
        Point(trend[85]).ShouldNotBe(Point(trendBefore[85]));
        trend.Where((_, i) => i is not (3 or 85)).Select(Point).ShouldBe(trendBefore.Where((_, i) => i is not (3 or 85)).Select(Point));
        // A copy, as a checkpoint restores it, reads the same.
        var copy = SerializerRoundTrip.Of(r);
        RollupReader.Totals(copy, now).ShouldBe(after);
        RollupReader.Trends(copy, now).Select(Point).ShouldBe(trend.Select(Point));
    }

    [Fact]
    public void Late_orders_in_a_row_for_a_sealed_minute_and_events_around_them_each_count_once()
    {
        var r = new LiveRollup();
        var n = 0;
        ApplyOutcome Apply(DateTimeOffset at, LiveEventData data) => r.Apply(new LiveEvent($"e-{n++}", "live-1", "creator-1", at, data));
        for (var minute = 0; minute < 60; minute++) Apply(T0.AddMinutes(minute), new LikesReceived(1));
        var now = T0.AddMinutes(61);
        r.Sealed.ShouldNotBeNull().First.ShouldBe(LiveRollup.MinuteOf(T0));

        // Two orders for a sealed minute, then one for the current minute, then one for the sealed minute again, then a
        // new minute at the front, which seals more: every event lands in the bucket of its own minute.
        Apply(T0.AddMinutes(2).AddSeconds(1), new OrderPaid("o-1", "p-1", "b-1", 1, 10m, "USD", false)).Kind.ShouldBe(ApplyKind.Accepted);
        Apply(T0.AddMinutes(2).AddSeconds(2), new OrderPaid("o-2", "p-1", "b-2", 2, 20m, "USD", false)).Kind.ShouldBe(ApplyKind.Accepted);
        Apply(T0.AddMinutes(59).AddSeconds(30), new LikesReceived(5)).Kind.ShouldBe(ApplyKind.Accepted);
        Apply(T0.AddMinutes(2).AddSeconds(3), new OrderPaid("o-3", "p-1", "b-3", 3, 30m, "USD", false)).Kind.ShouldBe(ApplyKind.Accepted);
        Apply(T0.AddMinutes(60), new LikesReceived(7)).Kind.ShouldBe(ApplyKind.Accepted);

        var totals = RollupReader.Totals(r, now);
        totals.Orders.ShouldBe(3);
        totals.ItemsSold.ShouldBe(6);
        totals.Gmv.ShouldBe(60m);
        totals.Likes.ShouldBe(60 + 5 + 7);
        r.BucketAt(LiveRollup.MinuteOf(T0.AddMinutes(2))).ShouldNotBeNull().Orders.ShouldBe(3);
        r.BucketAt(LiveRollup.MinuteOf(T0.AddMinutes(59))).ShouldNotBeNull().Likes.ShouldBe(6);
    }

    [Fact]
    public void Viewer_peaks_and_interactions_of_any_range_are_those_of_its_buckets_as_more_minutes_are_sealed()
    {
        var r = new LiveRollup();
        var random = new Random(11);
        var n = 0;
        void Apply(DateTimeOffset at, LiveEventData data) => r.Apply(new LiveEvent($"e-{n++}", "live-1", "creator-1", at, data));
        // Every bucket of the minutes in [from, to), sealed or not, read one minute at a time: what the sums must agree with.
        IEnumerable<MinuteBucket> Buckets(long from, long to)
        {
            var (oldest, newest) = r.BucketRange;
            for (var minute = Math.Max(from, oldest); minute < to && minute <= newest; minute++)
            {
                if (r.BucketAt(minute) is { } bucket) yield return bucket;
            }
        }
        void Check(long start, long end)
        {
            // Ranges around and across the sealed minutes, each asked for twice in a row: the second answer is what was
            // remembered of the first.
            for (var from = start - 3; from <= end + 3; from += 7)
            {
                var peak = Buckets(from, long.MaxValue).Select(b => b.ViewerSampleMax).DefaultIfEmpty(0).Max();
                r.PeakViewersFrom(from).ShouldBe(peak, $"peak from {from}");
                r.PeakViewersFrom(from).ShouldBe(peak, $"peak from {from}, again");
                foreach (var to in new[] { from - 1, from, from + 1, from + 13, from + 60, end + 5 })
                {
                    var interactions = Buckets(from, to).Sum(b => b.Interactions);
                    r.InteractionsBetween(from, to).ShouldBe(interactions, $"interactions {from}..{to}");
                    r.InteractionsBetween(from, to).ShouldBe(interactions, $"interactions {from}..{to}, again");
                }
            }
        }
        void OnAir(int fromMinute, int toMinute)
        {
            for (var minute = fromMinute; minute < toMinute; minute++)
            {
                var at = T0.AddMinutes(minute);
                if (random.Next(3) > 0) Apply(at, new ViewerCountSampled(random.Next(0, 5_000)));
                if (random.Next(4) > 0) Apply(at.AddSeconds(10), new LikesReceived(random.Next(1, 50)));
                if (random.Next(2) > 0) Apply(at.AddSeconds(20), new CommentPosted($"v-{minute}", "n", "hi"));
                if (random.Next(5) == 0) Apply(at.AddSeconds(30), new LiveShared($"v-{minute}"));
            }
        }

        OnAir(0, 150);
        r.Sealed.ShouldNotBeNull().Count.ShouldBeGreaterThan(100);
        // Late events for sealed minutes: orders long after, a viewer sample and likes in the dedupe window.
        Apply(T0.AddMinutes(20).AddSeconds(5), new OrderPaid("o-1", "p-1", "b-1", 1, 5m, "USD", false));
        Apply(T0.AddMinutes(21).AddSeconds(5), new OrderPaid("o-2", "p-1", "b-1", 1, 5m, "USD", false));
        Apply(T0.AddMinutes(143).AddSeconds(5), new ViewerCountSampled(9_000));
        Apply(T0.AddMinutes(144).AddSeconds(5), new LikesReceived(77));
        r.Minutes.Count.ShouldBe(LiveRollup.OpenMinutes + 4);
        var start = LiveRollup.MinuteOf(T0);
        Check(start, start + 150);
        OnAir(150, 240);
        Check(start, start + 240);
    }

    [Fact]
    public void Trend_points_since_a_minute_are_those_of_the_whole_trend_from_it()
    {
        var r = new LiveRollup();
        var n = 0;
        // Viewer samples only every seventh minute: most minutes carry the viewers of one before them.
        for (var minute = 0; minute < 120; minute++)
        {
            var at = T0.AddMinutes(minute);
            if (minute % 7 == 3) r.Apply(new LiveEvent($"e-{n++}", "live-1", "creator-1", at, new ViewerCountSampled(50 + minute)));
            r.Apply(new LiveEvent($"e-{n++}", "live-1", "creator-1", at.AddSeconds(20), new LikesReceived(1 + minute % 4)));
        }
        var now = T0.AddMinutes(120);
        static string Point(TrendPoint p) => $"{p.Minute:O} " + string.Join(",", p.Values.Select(v => $"{v.Key}={v.Value}"));
        var whole = RollupReader.Trends(r, now).Select(Point).ToList();
        r.Sealed.ShouldNotBeNull().Count.ShouldBeGreaterThan(0);

        var first = LiveRollup.MinuteOf(T0);
        foreach (var since in new[] { first - 5, first, first + 2, first + 40, first + 100, first + 119, first + 200 })
        {
            RollupReader.Trends(r, now, since).Select(Point).ShouldBe(whole.Skip((int)Math.Clamp(since - first, 0, whole.Count)), $"since {since - first}");
        }
    }
}
