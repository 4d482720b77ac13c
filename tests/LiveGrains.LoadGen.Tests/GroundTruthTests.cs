using LiveGrains.Contracts.Events;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Tests;

public sealed class GroundTruthTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static LiveEvent E(string id, LiveEventData data, string live = "L1") => new(id, live, "c1", At, data);

    private static OrderPaid Order(string orderId, decimal amount, bool affiliate = false, string currency = "USD") =>
        new(orderId, "p1", "buyer", 2, amount, currency, affiliate);

    [Fact]
    public void A_second_copy_of_an_event_id_is_a_duplicate_and_changes_nothing()
    {
        var truth = new GroundTruth();
        truth.Add(E("e1", new CommentPosted("v1", "vee", "hi"))).ShouldBe(EventOutcome.Accepted);
        truth.Add(E("e1", new CommentPosted("v1", "vee", "hi"))).ShouldBe(EventOutcome.Duplicate);

        var live = truth.Totals()["L1"];
        live.Comments.ShouldBe(1);
        live.AcceptedEvents.ShouldBe(1);
        live.Duplicates.ShouldBe(1);
    }

    [Fact]
    public void An_order_already_counted_under_another_event_id_is_a_duplicate()
    {
        var truth = new GroundTruth();
        truth.Add(E("e1", Order("o1", 24.90m))).ShouldBe(EventOutcome.Accepted);
        truth.Add(E("e2", Order("o1", 24.90m))).ShouldBe(EventOutcome.Duplicate);
        // Its event id is remembered too: a retry of e2 is a duplicate by event id.
        truth.Add(E("e2", Order("o1", 24.90m))).ShouldBe(EventOutcome.Duplicate);

        truth.Totals()["L1"].Orders.ShouldBe(1);
        truth.Accepted.ShouldBe(1);
    }

    [Fact]
    public void Gmv_is_summed_to_the_cent_with_the_affiliate_part_apart()
    {
        var truth = new GroundTruth();
        truth.Add(E("e1", Order("o1", 24.90m)));
        truth.Add(E("e2", Order("o2", 0.10m, affiliate: true)));
        truth.Add(E("e3", Order("o3", 17.43m, affiliate: true)));

        var live = truth.Totals()["L1"];
        live.GmvCents.ShouldBe(4243);
        live.AffiliateGmvCents.ShouldBe(1753);
        live.ItemsSold.ShouldBe(6);
    }

    [Fact]
    public void Refunds_and_violations_are_counted_once_per_id()
    {
        var truth = new GroundTruth();
        truth.Add(E("e1", new OrderRefunded("o1", "p1", 1, 5.25m, "USD", false)));
        truth.Add(E("e2", new OrderRefunded("o1", "p1", 1, 5.25m, "USD", false))).ShouldBe(EventOutcome.Duplicate);
        truth.Add(E("e3", new ViolationRecorded("v1", "policy", "reason", 2, ViolationAction.Warning)));
        truth.Add(E("e4", new ViolationRecorded("v1", "policy", "reason", 2, ViolationAction.Warning))).ShouldBe(EventOutcome.Duplicate);

        var live = truth.Totals()["L1"];
        (live.Refunds, live.RefundedCents, live.Violations).ShouldBe((1L, 525L, 1L));
    }

    [Fact]
    public void An_order_in_another_currency_than_the_lives_first_is_rejected_and_forgotten()
    {
        var truth = new GroundTruth();
        truth.Add(E("e1", Order("o1", 10m)));
        truth.Add(E("e2", Order("o2", 10m, currency: "EUR"))).ShouldBe(EventOutcome.Rejected);
        // Rejected, so its event id was not remembered: a corrected resend is accepted.
        truth.Add(E("e2", Order("o2", 10m))).ShouldBe(EventOutcome.Accepted);

        truth.Rejected.ShouldBe(1);
        truth.Totals()["L1"].Orders.ShouldBe(2);
    }

    [Fact]
    public void Counts_carried_by_events_are_added_and_lives_are_kept_apart()
    {
        var truth = new GroundTruth();
        truth.Add(E("e1", new LikesReceived(5)));
        truth.Add(E("e2", new LikesReceived(3)));
        truth.Add(E("e1", new LikesReceived(7), live: "L2"));
        truth.Add(E("e3", new ViewerCountSampled(40)));
        truth.Add(E("e4", new ViewerCountSampled(12)));
        truth.Add(E("e5", new LiveEnded(LiveEndReason.Ended)));

        var totals = truth.Totals();
        totals["L1"].Likes.ShouldBe(8);
        totals["L1"].PeakViewers.ShouldBe(40);
        totals["L1"].Ended.ShouldBeTrue();
        totals["L2"].Likes.ShouldBe(7);
        totals["L2"].Ended.ShouldBeFalse();
    }
}
