using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Attention;
using LiveGrains.Grains.Rollup;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Attention;

public sealed class AttentionRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly AttentionThresholds Defaults = AttentionThresholds.Default;
    private static TimeSpan Min(double m) => TimeSpan.FromMinutes(m);

    private static LiveRollup Live(params LiveEvent[] events)
    {
        var r = new LiveRollup();
        foreach (var e in events) r.Apply(e);
        return r;
    }

    [Fact]
    public void A_quiet_healthy_live_needs_no_attention()
    {
        var ev = new Events("L", "C", T0);
        AttentionRules.Evaluate(Live(ev.Started(), ev.Viewers(Min(1), 100), ev.Viewers(Min(5), 95)), Defaults, T0.AddMinutes(6)).ShouldBeEmpty();
    }

    [Fact]
    public void Viewers_halving_from_the_recent_peak_raises_attention_with_the_numbers()
    {
        var ev = new Events("L", "C", T0);
        var r = Live(ev.Started(), ev.Viewers(Min(1), 1200), ev.Viewers(Min(5), 456));
        var reason = AttentionRules.ViewerDrop(r, Defaults, T0.AddMinutes(6))!;
        reason.Rule.ShouldBe(AttentionRule.ViewerDrop);
        reason.Message.ShouldBe("Viewers down 62% from a peak of 1,200 in the last 10 minutes (now 456)");
    }

    [Fact]
    public void The_viewer_drop_clears_when_viewers_recover_or_the_peak_ages_out()
    {
        var ev = new Events("L", "C", T0);
        var r = Live(ev.Started(), ev.Viewers(Min(1), 1000), ev.Viewers(Min(5), 400));
        AttentionRules.ViewerDrop(r, Defaults, T0.AddMinutes(6)).ShouldNotBeNull();
        AttentionRules.ViewerDrop(r, Defaults, T0.AddMinutes(20)).ShouldBeNull();
        r.Apply(ev.Viewers(Min(6), 900));
        AttentionRules.ViewerDrop(r, Defaults, T0.AddMinutes(7)).ShouldBeNull();
    }

    [Fact]
    public void A_small_room_does_not_trip_the_viewer_rule()
    {
        var ev = new Events("L", "C", T0);
        AttentionRules.ViewerDrop(Live(ev.Viewers(Min(1), 10), ev.Viewers(Min(2), 1)), Defaults, T0.AddMinutes(3)).ShouldBeNull();
    }

    [Fact]
    public void No_order_for_the_threshold_after_sales_began_raises_attention_and_a_new_order_clears_it()
    {
        var ev = new Events("L", "C", T0);
        var r = Live(ev.Started(), ev.Order(Min(2), "o1", 5m));
        AttentionRules.NoOrders(r, Defaults, T0.AddMinutes(11)).ShouldBeNull();
        AttentionRules.NoOrders(r, Defaults, T0.AddMinutes(14))!.Message.ShouldBe("No order for 12 minutes (last order at 10:02 UTC)");
        r.Apply(ev.Order(Min(13.5), "o2", 5m));
        AttentionRules.NoOrders(r, Defaults, T0.AddMinutes(14)).ShouldBeNull();
    }

    [Fact]
    public void A_live_that_never_sold_is_not_flagged_for_missing_orders() =>
        AttentionRules.NoOrders(Live(new Events("L", "C", T0).Started()), Defaults, T0.AddHours(2)).ShouldBeNull();

    [Fact]
    public void Engagement_falling_below_its_baseline_raises_attention()
    {
        var ev = new Events("L", "C", T0);
        var events = new List<LiveEvent> { ev.Started() };
        for (var m = 0; m < 10; m++) events.Add(ev.Likes(Min(m + 0.5), 40));
        for (var m = 10; m < 13; m++) events.Add(ev.Likes(Min(m + 0.5), 4));
        var r = Live([.. events]);
        var reason = AttentionRules.EngagementDrop(r, Defaults, T0.AddMinutes(13.2))!;
        reason.Message.ShouldStartWith("Engagement down 90%");
        AttentionRules.EngagementDrop(r, Defaults with { EngagementDropPercent = 95 }, T0.AddMinutes(13.2)).ShouldBeNull();
    }

    [Fact]
    public void Engagement_is_not_judged_before_a_baseline_exists()
    {
        var ev = new Events("L", "C", T0);
        AttentionRules.EngagementDrop(Live(ev.Started(), ev.Likes(Min(1), 100)), Defaults, T0.AddMinutes(5)).ShouldBeNull();
    }

    [Fact]
    public void A_violation_raises_attention_naming_policy_and_reason()
    {
        var ev = new Events("L", "C", T0);
        var r = Live(ev.Started(), ev.Violation(Min(1), "v1", ViolationAction.Warning));
        AttentionRules.Evaluate(r, Defaults, T0.AddMinutes(2)).Single().Message
            .ShouldBe("Violation of Prohibited products: Showing a restricted item (warning, 4 points)");
    }

    [Fact]
    public void An_ended_live_needs_no_attention()
    {
        var ev = new Events("L", "C", T0);
        AttentionRules.Evaluate(Live(ev.Started(), ev.Violation(Min(1), "v1", ViolationAction.Warning), ev.Ended(Min(2))), Defaults, T0.AddMinutes(3))
            .ShouldBeEmpty();
    }
}
