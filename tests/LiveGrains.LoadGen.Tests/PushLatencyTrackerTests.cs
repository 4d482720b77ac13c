using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Dashboards;
using LiveGrains.LoadGen.Measure;
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
        tracker.Acked(0, sentAt, null);
        var lives = Small.Batches[0].Select(e => e.LiveId).Distinct().ToList();
        tracker.Pending().ShouldBe(lives.Count);

        var computedAt = DateTimeOffset.UtcNow.AddMilliseconds(1);
        view.Observe(new CardsChangedStamps("a", lives.Select(id => new CardStamp(id, computedAt, 0)).ToList(), [], computedAt), sentAt.AddMilliseconds(800));

        tracker.Pending().ShouldBe(0);
    }

    [Fact]
    public void A_card_computed_before_the_ack_does_not_count_as_showing_the_batch()
    {
        var tracker = new PushLatencyTracker(Small);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        tracker.Acked(0, before, null);
        var live = Small.Batches[0][0].LiveId;

        view.Observe(new CardsChangedStamps("a", [new CardStamp(live, before, 0)], [], before), DateTimeOffset.UtcNow);

        tracker.Pending().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_card_that_reaches_the_acknowledged_sequence_shows_the_batch_even_if_computed_before_the_ack_arrived()
    {
        var tracker = new PushLatencyTracker(Small);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var sentAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var lives = Small.Batches[0].Select(e => e.LiveId).Distinct().ToList();
        tracker.Acked(0, sentAt, lives.ToDictionary(id => id, _ => 7L));

        view.Observe(new CardsChangedStamps("a", lives.Select(id => new CardStamp(id, sentAt, 7)).ToList(), [], sentAt), sentAt.AddMilliseconds(400));

        tracker.Pending().ShouldBe(0);
    }

    [Fact]
    public void A_card_below_the_acknowledged_sequence_does_not_show_the_batch_however_late_it_was_computed()
    {
        var tracker = new PushLatencyTracker(Small);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var sentAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var live = Small.Batches[0][0].LiveId;
        tracker.Acked(0, sentAt, new Dictionary<string, long> { [live] = 7 });
        var later = DateTimeOffset.UtcNow.AddSeconds(5);

        view.Observe(new CardsChangedStamps("a", [new CardStamp(live, later, 6)], [], later), later);

        view.PendingFor(live).ShouldBe(1);
    }

    [Fact]
    public void A_card_received_before_the_acknowledgement_arrived_shows_the_batch_once_it_does()
    {
        var tracker = new PushLatencyTracker(Small);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var sentAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var live = Small.Batches[0][0].LiveId;
        view.Observe(new CardsChangedStamps("a", [new CardStamp(live, sentAt.AddMilliseconds(20), 7)], [], sentAt.AddMilliseconds(30)), sentAt.AddMilliseconds(90));

        tracker.Acked(0, sentAt, new Dictionary<string, long> { [live] = 7 });

        view.PendingFor(live).ShouldBe(0);
    }

    [Fact]
    public void A_removal_shows_the_batch_that_ended_the_LIVE_even_when_its_acknowledgement_arrives_after_it()
    {
        var tracker = new PushLatencyTracker(Small);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var sentAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var live = Small.Batches[0][0].LiveId;
        // The agency published the removal 100 ms after the send; the request's acknowledgement, which waits for every
        // LIVE in it, arrives only now.
        view.Observe(new CardsChangedStamps("a", [], [live], sentAt.AddMilliseconds(100)), sentAt.AddMilliseconds(150));

        tracker.Acked(0, sentAt, new Dictionary<string, long> { [live] = 9 });

        view.PendingFor(live).ShouldBe(0);
    }

    [Fact]
    public void A_removal_received_before_a_batch_was_sent_does_not_show_it()
    {
        var tracker = new PushLatencyTracker(Small);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var sentAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var live = Small.Batches[0][0].LiveId;
        view.Observe(new CardsChangedStamps("a", [], [live], sentAt.AddMilliseconds(-200)), sentAt.AddMilliseconds(-100));

        tracker.Acked(0, sentAt, new Dictionary<string, long> { [live] = 9 });

        view.PendingFor(live).ShouldBe(1);
    }

    [Fact]
    public void Batches_of_the_on_air_phase_are_tracked_but_kept_out_of_the_measured_latency()
    {
        var tracker = new PushLatencyTracker(Small, measuredFrom: 1);
        var view = tracker.NewView(Small.Agencies[0].AgencyId);
        var sentAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var lives = Small.Batches[0].Select(e => e.LiveId).Distinct().ToList();
        tracker.Acked(0, sentAt, lives.ToDictionary(id => id, _ => 3L));
        tracker.Pending().ShouldBe(lives.Count);

        view.Observe(new CardsChangedStamps("a", lives.Select(id => new CardStamp(id, sentAt, 3)).ToList(), [], sentAt), sentAt.AddMilliseconds(700));

        tracker.Pending().ShouldBe(0);
        LatencyHistogram measured = new(), onAir = new();
        view.MergeInto(measured, [], new PushStages(), onAir);
        measured.Count.ShouldBe(0);
        onAir.Count.ShouldBe(lives.Count);
    }
}
