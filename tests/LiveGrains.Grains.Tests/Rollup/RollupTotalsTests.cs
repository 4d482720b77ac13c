using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Grains.Rollup;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class RollupTotalsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 17, TimeSpan.Zero);

    // Every bucket and every minute of the timeline summed afresh: what the totals were before complete minutes were kept.
    private static LiveCounters Summed(LiveRollup r, DateTimeOffset now)
    {
        var b = new MinuteBucket();
        foreach (var (_, bucket) in r.EveryBucket()) b.AddCounts(bucket);
        decimal viewerSeconds = 0, onAir = 0;
        foreach (var m in RollupTimeline.Minutes(r, now))
        {
            viewerSeconds += m.AverageViewers * m.OnAirSeconds;
            onAir += m.OnAirSeconds;
        }
        return RollupReader.Totals(new LiveRollup(), now) with
        {
            Gmv = b.Gmv, AffiliateGmv = b.AffiliateGmv, Orders = b.Orders, ItemsSold = b.ItemsSold, Buyers = r.UniqueBuyers.Count(),
            Refunds = b.Refunds, RefundedAmount = b.RefundedAmount, Views = b.Views, UniqueViewers = r.UniqueViewers.Count(),
            CurrentViewers = r.Status == Contracts.Views.LiveStatus.Live ? r.LatestSample : 0, PeakViewers = r.PeakViewers,
            ViewerSeconds = viewerSeconds, LiveImpressions = b.LiveImpressions, ProductImpressions = b.ProductImpressions,
            ProductClicks = b.ProductClicks, Likes = b.Likes, Comments = b.Comments, Shares = b.Shares, NewFollowers = b.NewFollowers,
            DurationSeconds = onAir,
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Totals_read_every_tick_equal_every_minute_summed_afresh_whatever_order_events_come_in(int seed)
    {
        var random = new Random(seed);
        var r = new LiveRollup();
        var now = T0;
        var n = 0;
        LiveEvent Event(DateTimeOffset at, LiveEventData data) => new($"e-{n++}", "live-1", "creator-1", at, data);
        for (var step = 0; step < 400; step++)
        {
            now += TimeSpan.FromSeconds(random.Next(0, 40));
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                // Mostly now; some late (within the dedupe window and beyond it), some a little ahead of now.
                var at = random.Next(10) switch
                {
                    0 => now - TimeSpan.FromSeconds(random.Next(60, 1_200)),
                    1 => now + TimeSpan.FromSeconds(random.Next(1, 200)),
                    _ => now - TimeSpan.FromSeconds(random.Next(0, 5)),
                };
                LiveEventData data = random.Next(6) switch
                {
                    0 => new ViewerCountSampled(random.Next(0, 5_000)),
                    1 => new LikesReceived(random.Next(1, 50)),
                    2 => new OrderPaid($"o-{n}", "p-1", $"b-{random.Next(100)}", random.Next(1, 3), random.Next(1, 10_000) / 100m, "USD", random.Next(2) == 0),
                    3 => new ViewerLeft($"v-{random.Next(500)}"),
                    4 => new ViewerCountSampled(random.Next(0, 5_000)),
                    _ => new LiveImpressions(random.Next(1, 100)),
                };
                r.Apply(Event(at, data));
            }
            // The official start comes after events that came before it, a little ahead of now: the LIVE's start moves later,
            // and the minutes before it, complete as they are, are no longer on air.
            if (step == 150) r.Apply(Event(now + TimeSpan.FromSeconds(90), new LiveStarted("title", CreatorType.Seller))).Kind.ShouldBe(ApplyKind.Accepted);
            if (step == 390) r.Apply(Event(now, new LiveEnded(LiveEndReason.Ended)));

            RollupReader.Totals(r, now).ShouldBe(Summed(r, now), $"step {step}");
        }
        // Over two hours: most minutes were sealed on the way, some reached by late orders after.
        r.Sealed.ShouldNotBeNull().Count.ShouldBeGreaterThan(60);
    }

    [Fact]
    public void A_late_event_for_a_complete_minute_is_counted_in_the_next_totals()
    {
        var r = new LiveRollup();
        r.Apply(new LiveEvent("e-1", "live-1", "creator-1", T0, new LikesReceived(5)));
        r.Apply(new LiveEvent("e-2", "live-1", "creator-1", T0.AddMinutes(30), new LikesReceived(1)));
        RollupReader.Totals(r, T0.AddMinutes(31)).Likes.ShouldBe(6);

        r.Apply(new LiveEvent("e-3", "live-1", "creator-1", T0.AddMinutes(28), new LikesReceived(10))).Kind.ShouldBe(ApplyKind.Accepted);

        RollupReader.Totals(r, T0.AddMinutes(31)).Likes.ShouldBe(16);
        RollupReader.Totals(r, T0.AddMinutes(32)).ShouldBe(Summed(r, T0.AddMinutes(32)));
    }

    [Fact]
    public void Totals_read_at_an_earlier_instant_than_before_are_those_of_that_instant()
    {
        var r = new LiveRollup();
        r.Apply(new LiveEvent("e-1", "live-1", "creator-1", T0, new ViewerCountSampled(100)));
        RollupReader.Totals(r, T0.AddMinutes(10)).DurationSeconds.ShouldBe(600m);

        RollupReader.Totals(r, T0.AddMinutes(4)).ShouldBe(Summed(r, T0.AddMinutes(4)));
    }

    [Fact]
    public void An_order_dated_years_before_the_LIVE_counts_in_its_totals()
    {
        var r = new LiveRollup();
        r.Apply(new LiveEvent("e-1", "live-1", "creator-1", T0, new ViewerCountSampled(10)));
        RollupReader.Totals(r, T0.AddMinutes(5)).Gmv.ShouldBe(0m);

        // Orders carry ids of their own, so one from before the dedupe window is still taken.
        r.Apply(new LiveEvent("e-2", "live-1", "creator-1", T0.AddYears(-3), new OrderPaid("o-1", "p-1", "b-1", 1, 12.50m, "USD", false)))
            .Kind.ShouldBe(ApplyKind.Accepted);

        var totals = RollupReader.Totals(r, T0.AddMinutes(6));
        totals.Gmv.ShouldBe(12.50m);
        totals.ShouldBe(Summed(r, T0.AddMinutes(6)));
    }
}
