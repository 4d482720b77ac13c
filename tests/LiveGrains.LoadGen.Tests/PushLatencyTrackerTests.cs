using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Dashboards;
using LiveGrains.LoadGen.Workloads;

namespace LiveGrains.LoadGen.Tests;

public sealed class PushLatencyTrackerTests
{
    private static readonly Workload Small = WorkloadBuilder.Build(
        new LoadGenOptions { Lives = 4, Agencies = 1, Events = 40, Batch = 10, Duplicates = 0 }, DateTimeOffset.UtcNow);

    [Fact]
    public void A_card_computed_after_the_ack_measures_receipt_minus_send_and_clears_the_pending_batch()
    {
        var tracker = new PushLatencyTracker(Small);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var sentAt = DateTimeOffset.UtcNow.AddMilliseconds(-300);
        tracker.Acked(0, sentAt);
        var lives = Small.Batches[0].Select(e => e.LiveId).Distinct().ToList();
        tracker.Pending().ShouldBe(lives.Count);

        var computedAt = DateTimeOffset.UtcNow.AddMilliseconds(1);
        view.Observe(new CardsChangedStamps("a", lives.Select(id => new CardStamp(id, computedAt)).ToList(), [], computedAt), sentAt.AddMilliseconds(800));

        tracker.Pending().ShouldBe(0);
    }

    [Fact]
    public void A_card_computed_before_the_ack_does_not_count_as_showing_the_batch()
    {
        var tracker = new PushLatencyTracker(Small);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        tracker.Acked(0, before);
        var live = Small.Batches[0][0].LiveId;

        view.Observe(new CardsChangedStamps("a", [new CardStamp(live, before)], [], before), DateTimeOffset.UtcNow);

        tracker.Pending().ShouldBeGreaterThan(0);
    }
}
