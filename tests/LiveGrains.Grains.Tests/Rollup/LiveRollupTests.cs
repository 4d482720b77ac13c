using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Rollup;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class LiveRollupTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static TimeSpan Min(double m) => TimeSpan.FromMinutes(m);

    private static LiveRollup Apply(IEnumerable<LiveEvent> events)
    {
        var r = new LiveRollup();
        foreach (var e in events) r.Apply(e);
        return r;
    }

    private static List<LiveEvent> Story()
    {
        var ev = new Events("L1", "C1", T0);
        return
        [
            ev.Started(), ev.Viewers(Min(0.5), 100), ev.Joined(Min(1), "v1"), ev.Joined(Min(1.2), "v2"), ev.Joined(Min(2), "v1"),
            ev.Order(Min(3), "o1", 10.10m, affiliate: true), ev.Order(Min(4), "o2", 20.20m, quantity: 2, buyer: "b2"),
            ev.At(Min(4.5), new OrderRefunded("o1", "p1", 1, 10.10m, "USD", true)),
            ev.Comment(Min(5), "love it"), ev.Likes(Min(5), 30), ev.Viewers(Min(6), 50), ev.Ended(Min(10)),
        ];
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(59, 0)]
    [InlineData(60, 1)]
    [InlineData(-1, -1)]
    [InlineData(-60, -1)]
    [InlineData(-61, -2)]
    public void Minutes_are_whole_minutes_since_1970_rounded_down_on_both_sides_of_it(long seconds, long minute) =>
        LiveRollup.MinuteOf(DateTimeOffset.FromUnixTimeSeconds(seconds).AddMilliseconds(999)).ShouldBe(minute);

    [Fact]
    public void Totals_count_every_kind_of_event()
    {
        var r = Apply(Story());
        var t = RollupReader.Totals(r, T0.AddHours(1));
        (t.Gmv, t.AffiliateGmv, t.Orders, t.ItemsSold, t.Buyers).ShouldBe((30.30m, 10.10m, 2L, 3L, 2L));
        (t.Refunds, t.RefundedAmount, t.Views, t.UniqueViewers, t.Comments, t.Likes).ShouldBe((1L, 10.10m, 3L, 2L, 1L, 30L));
        (t.PeakViewers, t.CurrentViewers, t.DurationSeconds).ShouldBe((100L, 0L, 600m));
        r.Status.ShouldBe(LiveStatus.Ended);
    }

    [Fact]
    public void Any_order_of_the_same_events_gives_the_same_totals()
    {
        var inOrder = RollupReader.Totals(Apply(Story()), T0.AddHours(1));
        for (var seed = 0; seed < 20; seed++)
        {
            var shuffled = Story().OrderBy(_ => Random.Shared.Next()).ToList();
            RollupReader.Totals(Apply(shuffled), T0.AddHours(1)).ShouldBe(inOrder);
        }
    }

    [Fact]
    public void A_repeated_event_id_is_a_duplicate_and_changes_nothing()
    {
        var story = Story();
        var r = Apply(story);
        var before = RollupReader.Totals(r, T0.AddHours(1));
        foreach (var e in story) r.Apply(e).Kind.ShouldBe(ApplyKind.Duplicate);
        RollupReader.Totals(r, T0.AddHours(1)).ShouldBe(before);
    }

    [Fact]
    public void The_same_order_under_a_new_event_id_is_counted_once()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        r.Apply(ev.Order(Min(1), "o1", 5m)).Kind.ShouldBe(ApplyKind.Accepted);
        r.Apply(ev.Order(Min(2), "o1", 5m)).Kind.ShouldBe(ApplyKind.Duplicate);
        RollupReader.Totals(r, T0.AddMinutes(5)).Orders.ShouldBe(1);
    }

    [Fact]
    public void Order_ids_of_a_checkpoint_that_kept_whole_fingerprints_are_still_recognised()
    {
        var ev = new Events("L1", "C1", T0);
        var earlier = new LiveRollup { PaidOrders = new FingerprintSet(FingerprintWidth.Full), RefundedOrders = new FingerprintSet(FingerprintWidth.Full) };
        earlier.Apply(ev.Order(Min(1), "o1", 5m)).Kind.ShouldBe(ApplyKind.Accepted);
        earlier.Apply(ev.At(Min(2), new OrderRefunded("o1", "p1", 1, 5m, "USD", false))).Kind.ShouldBe(ApplyKind.Accepted);

        var r = SerializerRoundTrip.Of(earlier);

        r.PaidOrders.Width.ShouldBe(FingerprintWidth.Full);
        r.Apply(ev.Order(Min(3), "o1", 5m)).Kind.ShouldBe(ApplyKind.Duplicate);
        r.Apply(ev.At(Min(4), new OrderRefunded("o1", "p1", 1, 5m, "USD", false))).Kind.ShouldBe(ApplyKind.Duplicate);
        r.Apply(ev.Order(Min(5), "o2", 7m)).Kind.ShouldBe(ApplyKind.Accepted);
        RollupReader.Totals(r, T0.AddMinutes(10)).Orders.ShouldBe(2);
        new LiveRollup().PaidOrders.Width.ShouldBe(FingerprintWidth.Half);
    }

    [Fact]
    public void An_event_from_before_the_dedupe_window_is_refused_with_the_reason()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        var early = ev.Likes(Min(1), 10);
        r.Apply(early).Kind.ShouldBe(ApplyKind.Accepted);
        r.Apply(ev.Likes(Min(40), 5)).Kind.ShouldBe(ApplyKind.Accepted);

        var retry = r.Apply(early);
        var late = r.Apply(ev.Likes(Min(2), 7));

        retry.Kind.ShouldBe(ApplyKind.Rejected);
        late.Kind.ShouldBe(ApplyKind.Rejected);
        late.Reason.ShouldNotBeNull().ShouldContain("before this LIVE's dedupe window");
        RollupReader.Totals(r, T0.AddHours(1)).Likes.ShouldBe(15);
    }

    [Fact]
    public void A_late_order_from_before_the_window_is_still_counted_once()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        r.Apply(ev.Started()).Kind.ShouldBe(ApplyKind.Accepted);
        r.Apply(ev.Viewers(Min(45), 80)).Kind.ShouldBe(ApplyKind.Accepted);
        var order = ev.Order(Min(3), "o-late", 12m);

        r.Apply(order).Kind.ShouldBe(ApplyKind.Accepted);
        r.Apply(order).Kind.ShouldBe(ApplyKind.Duplicate);

        RollupReader.Totals(r, T0.AddHours(1)).Orders.ShouldBe(1);
    }

    [Fact]
    public void A_checkpoint_that_kept_every_event_id_in_one_set_still_recognises_them()
    {
        var story = Story();
        var r = Apply(story);
        var before = RollupReader.Totals(r, T0.AddHours(1));
        var everyId = new FingerprintSet();
        foreach (var e in story) everyId.Add(e.EventId);
        (r.SeenEventIds, r.EventIds) = (everyId, new DedupeWindow());

        foreach (var e in story) r.Apply(e).Kind.ShouldBe(ApplyKind.Duplicate);

        r.SeenEventIds.ShouldBeNull();
        r.EventIds.Count.ShouldBe(story.Count);
        RollupReader.Totals(r, T0.AddHours(1)).ShouldBe(before);
    }

    [Fact]
    public void An_order_in_another_currency_is_rejected_with_the_reason()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        r.Apply(ev.Order(Min(1), "o1", 5m));
        var outcome = r.Apply(ev.At(Min(2), new OrderPaid("o2", "p1", "b", 1, 5m, "EUR", false)));
        outcome.Kind.ShouldBe(ApplyKind.Rejected);
        outcome.Reason!.ShouldContain("EUR differs from this LIVE's currency USD");
    }

    [Fact]
    public void Only_the_fifty_newest_comments_are_kept_newest_first()
    {
        var ev = new Events("L1", "C1", T0);
        var posted = Enumerable.Range(0, 80).Select(i => ev.Comment(TimeSpan.FromSeconds(i), $"c{i}")).OrderBy(_ => Random.Shared.Next());
        var r = Apply(posted);
        var comments = r.NewestComments(int.MaxValue);
        comments.Count.ShouldBe(LiveRollup.MaxComments);
        comments[0].Text.ShouldBe("c79");
        comments[^1].Text.ShouldBe("c30");
        RollupReader.Totals(r, T0.AddMinutes(5)).Comments.ShouldBe(80);
    }

    [Fact]
    public void The_latest_pin_wins_even_when_events_arrive_late()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        r.Apply(ev.At(Min(5), new ProductPinned("p2", "Scarf", 19m, "USD", null)));
        r.Apply(ev.At(Min(1), new ProductPinned("p1", "Hat", 9m, "USD", null)));
        r.Apply(ev.At(Min(2), new ProductUnpinned("p1")));
        RollupReader.PinnedProduct(r)!.Name.ShouldBe("Scarf");
        r.Apply(ev.At(Min(6), new ProductUnpinned("p2")));
        RollupReader.PinnedProduct(r).ShouldBeNull();
    }

    [Fact]
    public void A_suspension_ends_the_live_as_suspended_whatever_arrives_next()
    {
        var ev = new Events("L1", "C1", T0);
        var r = Apply([ev.Started(), ev.Violation(Min(3), "v1", ViolationAction.Suspension), ev.Ended(Min(4))]);
        r.Status.ShouldBe(LiveStatus.Suspended);
        r.EndedAt.ShouldBe(T0.AddMinutes(3));
        r.Violations.Single().Policy.ShouldBe("Prohibited products");
    }

    [Fact]
    public void Trends_have_a_point_per_minute_and_average_viewers_integrate_the_samples()
    {
        var ev = new Events("L1", "C1", T0);
        var r = Apply([ev.Started(), ev.Viewers(Min(0), 100), ev.Viewers(Min(1), 300), ev.Order(Min(2.5), "o1", 7m), ev.Ended(Min(4))]);
        var trends = RollupReader.Trends(r, T0.AddHours(1));
        trends.Count.ShouldBe(5);
        trends[2].Values["gmv"].ShouldBe(7m);
        trends[3].Values["gmv"].ShouldBe(0m);
        // 100 viewers for a minute, then 300 for three: (100*60 + 300*180) / 240 s.
        RollupReader.Totals(r, T0.AddHours(1)).ViewerSeconds.ShouldBe(60_000m);
    }

    [Fact]
    public void Promotions_report_the_sales_made_while_they_ran()
    {
        var ev = new Events("L1", "C1", T0);
        var r = Apply([
            ev.Started(), ev.At(Min(2), new PromotionStarted("f1", PromotionKind.FlashSale, "30% off hats", "p1")),
            ev.Order(Min(2.5), "o1", 10m), ev.Order(Min(3.5), "o2", 10m), ev.At(Min(3.9), new PromotionEnded("f1")),
            ev.Order(Min(8), "o3", 10m)]);
        var promo = RollupReader.Promotions(r, T0.AddMinutes(10)).Single();
        (promo.Orders, promo.Gmv, promo.Kind).ShouldBe((2L, 20m, PromotionKind.FlashSale));
    }

    [Fact]
    public void The_viewer_profile_breaks_views_down_by_each_dimension()
    {
        var ev = new Events("L1", "C1", T0);
        var r = Apply([
            ev.Joined(Min(1), "a"), ev.Joined(Min(1), "b"),
            ev.At(Min(1), new ViewerJoined("c", Gender.Male, AgeBand.Age18To24, "GB", true, TrafficSource.Search))]);
        var p = RollupReader.Profile(r);
        p.Gender.ShouldBe([new ProfileSlice("female", 2), new ProfileSlice("male", 1)]);
        p.AgeBands[0].Key.ShouldBe("25-34");
        p.Followers.ShouldContain(new ProfileSlice("follower", 1));
        p.TrafficSources.ShouldContain(new ProfileSlice("search", 1));
        p.Regions.Select(s => s.Key).ShouldBe(["US", "GB"]);
    }

    [Fact]
    public void Profile_counts_a_checkpoint_kept_by_name_are_added_to_the_current_ones_on_activation()
    {
        var ev = new Events("L1", "C1", T0);
        var r = Apply([ev.At(Min(1), new ViewerJoined("c", Gender.Male, AgeBand.Age18To24, "GB", true, TrafficSource.Search))]);
        r.NamedGenders = new() { ["female"] = 4, ["male"] = 1 };
        r.NamedAgeBands = new() { ["55+"] = 5 };
        r.NamedFollowers = new() { ["follower"] = 2, ["non_follower"] = 3 };
        r.NamedTrafficSources = new() { ["product_page"] = 5 };

        r.AdoptOlderLayout();

        var p = RollupReader.Profile(r);
        p.Gender.ShouldBe([new ProfileSlice("female", 4), new ProfileSlice("male", 2)]);
        p.AgeBands.ShouldBe([new ProfileSlice("55+", 5), new ProfileSlice("18-24", 1)]);
        p.Followers.ShouldBe([new ProfileSlice("follower", 3), new ProfileSlice("non_follower", 3)]);
        p.TrafficSources.ShouldBe([new ProfileSlice("product_page", 5), new ProfileSlice("search", 1)]);
        (r.NamedGenders, r.NamedAgeBands, r.NamedFollowers, r.NamedTrafficSources).ShouldBe((null, null, null, null));
    }

    [Fact]
    public void Views_from_regions_past_the_hundred_kept_are_counted_under_other()
    {
        var ev = new Events("L1", "C1", T0);
        var r = Apply(Enumerable.Range(0, 130).SelectMany(i => Enumerable.Repeat(i, i < 5 ? 3 : 1)).Select((region, n) =>
            ev.At(Min(1), new ViewerJoined($"v{n}", Gender.Female, AgeBand.Age25To34, $"R{region}", false, TrafficSource.ForYou))));
        r.Apply(ev.At(Min(2), new ViewerJoined("late", Gender.Female, AgeBand.Age25To34, "R3", false, TrafficSource.ForYou)));

        var regions = RollupReader.Profile(r).Regions;

        regions.Count.ShouldBe(ViewerMix.MaxRegions + 1);
        regions.Sum(s => s.Count).ShouldBe(141);
        regions.Take(2).ShouldBe([new ProfileSlice("other", 30), new ProfileSlice("R3", 4)]);
        regions.ShouldContain(new ProfileSlice("R99", 1));
        regions.ShouldNotContain(s => s.Key == "R100");
    }

    [Fact]
    public void Region_counts_of_a_checkpoint_kept_by_name_are_read_back_moved_into_the_table_and_added_to()
    {
        var ev = new Events("L1", "C1", T0);
        // As a build before the table wrote it: views by region in the dictionary only.
        var earlier = Apply([ev.Joined(Min(1), "a")]);
        (earlier.Viewers.Regions, earlier.Viewers.RegionCount) = ([], 0);
        earlier.Regions = new() { ["GB"] = 7, ["US"] = 3 };

        var r = SerializerRoundTrip.Of(earlier);
        r.AdoptOlderLayout();
        r.Regions.ShouldBeNull();
        r = SerializerRoundTrip.Of(r);
        r.Apply(ev.At(Min(2), new ViewerJoined("b", Gender.Male, AgeBand.Age18To24, "GB", true, TrafficSource.Search)));
        foreach (var n in Enumerable.Range(0, 20)) r.Apply(ev.At(Min(3), new ViewerJoined($"c{n}", Gender.Male, AgeBand.Age18To24, $"X{n}", true, TrafficSource.Search)));

        var regions = RollupReader.Profile(r).Regions;
        regions.Take(2).ShouldBe([new ProfileSlice("GB", 8), new ProfileSlice("US", 3)]);
        regions.Count.ShouldBe(22);
    }

    [Fact]
    public void Counts_of_a_checkpoint_written_when_an_enum_had_fewer_values_are_laid_out_again_to_take_new_ones()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        // Three genders, six age bands, two traffic sources: one view each of male, 55+ and following.
        r.Viewers.Counts = [0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1];
        r.Viewers.CountsLayout = 3 | 6 << 8 | 2 << 16;
        r.Apply(ev.At(Min(1), new ViewerJoined("c", Gender.Male, AgeBand.Age18To24, "GB", true, TrafficSource.Profile)));

        var p = RollupReader.Profile(r);
        p.Gender.ShouldBe([new ProfileSlice("male", 2)]);
        p.AgeBands.ShouldBe([new ProfileSlice("18-24", 1), new ProfileSlice("55+", 1)]);
        p.TrafficSources.ShouldBe([new ProfileSlice("following", 1), new ProfileSlice("profile", 1)]);
    }

    [Fact]
    public void Counts_of_a_checkpoint_with_an_array_per_dimension_are_read_back_and_added_to()
    {
        var ev = new Events("L1", "C1", T0);
        // As a build before one array wrote it: an array per dimension, no counts, no layout.
        var earlier = new LiveRollup();
        (earlier.Viewers.Counts, earlier.Viewers.CountsLayout) = (null, 0);
        (earlier.Viewers.Genders, earlier.Viewers.AgeBands, earlier.Viewers.TrafficSources) = ([4, 0, 1], [0, 0, 0, 0, 2, 0], [0, 0, 3, 0, 0, 0, 0]);

        var r = SerializerRoundTrip.Of(earlier);
        r.Apply(ev.At(Min(1), new ViewerJoined("c", Gender.Male, AgeBand.Age18To24, "GB", true, TrafficSource.Search)));

        var p = RollupReader.Profile(r);
        p.Gender.ShouldBe([new ProfileSlice("female", 4), new ProfileSlice("male", 1), new ProfileSlice("unknown", 1)]);
        p.AgeBands.ShouldBe([new ProfileSlice("55+", 2), new ProfileSlice("18-24", 1)]);
        p.TrafficSources.ShouldBe([new ProfileSlice("search", 4)]);
        (r.Viewers.Genders, r.Viewers.AgeBands, r.Viewers.TrafficSources).ShouldBe((null, null, null));
    }

    [Fact]
    public void Comments_read_back_as_posted_whatever_their_characters_and_lengths()
    {
        var at = T0.AddMinutes(1).ToOffset(TimeSpan.FromHours(-5));
        var views = new[]
        {
            new CommentView("v-1", "ana_001", "Love this!", at),
            new CommentView("vïewer-😀", "名前", "Ça marche? 👋 " + new string('é', 400), at.AddSeconds(1)),
            new CommentView(new string('v', 127), new string('n', 128), "x", at.AddSeconds(2)),
            new CommentView(new string('v', 20_000), new string('ñ', 70_000), new string('t', 500), at.AddSeconds(3)),
        };

        var log = new CommentLog();
        foreach (var view in views) log.Add(view.ViewerId, view.Nickname, view.Text, view.OccurredAt, LiveRollup.MaxComments).ShouldBeTrue();

        log.Newest(10).ShouldBe(views.Reverse());
        foreach (var view in views) OlderComments.Stored(view).ToView().ShouldBe(view);
    }

    [Fact]
    public void Comments_of_a_checkpoint_that_kept_them_as_views_are_read_and_added_to()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup { CommentViews = [new CommentView("v2", "two", "second", T0.AddSeconds(20)), new CommentView("v1", "one", "first", T0.AddSeconds(10))] };

        r.Apply(ev.Comment(TimeSpan.FromSeconds(15), "between"));

        r.CommentViews.ShouldBeNull();
        r.NewestComments(10).Select(c => c.Text).ShouldBe(["second", "between", "first"]);
    }

    [Fact]
    public void A_card_asking_again_gets_the_same_comment_views_until_a_comment_comes_even_a_late_one()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        r.Apply(ev.Comment(TimeSpan.FromSeconds(10), "first"));
        r.Apply(ev.Comment(TimeSpan.FromSeconds(30), "third"));

        var views = r.NewestComments(2);
        r.NewestComments(2).ShouldBeSameAs(views);
        r.NewestComments(1).Select(c => c.Text).ShouldBe(["third"]);

        // A late comment lands between the two: the two newest change though the newest does not.
        r.Apply(ev.Comment(TimeSpan.FromSeconds(20), "second"));
        r.NewestComments(2).Select(c => c.Text).ShouldBe(["third", "second"]);
        r.Apply(ev.Likes(TimeSpan.FromSeconds(40), 3));
        r.NewestComments(2).ShouldBeSameAs(r.NewestComments(2));
        views.Select(c => c.Text).ShouldBe(["third", "first"]);
    }

    [Fact]
    public void A_comment_posted_after_the_others_is_read_alone_and_the_views_kept_follow_it()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        for (var i = 1; i <= 5; i++) r.Apply(ev.Comment(TimeSpan.FromSeconds(i), $"comment {i}"));
        var before = r.NewestComments(5);

        r.Apply(ev.Comment(TimeSpan.FromSeconds(6), "comment 6"));
        var after = r.NewestComments(5);

        after.Select(c => c.Text).ShouldBe(["comment 6", "comment 5", "comment 4", "comment 3", "comment 2"]);
        after[1].ShouldBeSameAs(before[0]);
        after[4].ShouldBeSameAs(before[3]);
    }

    [Fact]
    public void Comment_views_built_on_the_ones_kept_equal_those_read_afresh_whatever_order_comments_come_in()
    {
        var ev = new Events("L1", "C1", T0);
        var r = new LiveRollup();
        var random = new Random(11);
        for (var i = 0; i < 600; i++)
        {
            // Mostly in order, two a second, so some at the instant of the newest; one in eight late.
            var second = i / 2 - (random.Next(8) == 0 ? random.Next(1, 30) : 0);
            r.Apply(ev.Comment(TimeSpan.FromSeconds(second), $"comment {i}"));
            if (random.Next(3) == 0) continue;
            // Cards ask for a few, a watched LIVE's dashboard for all it keeps.
            var count = random.Next(10) == 0 ? LiveRollup.MaxComments : 5;
            r.NewestComments(count).ShouldBe(r.Comments.Newest(count), $"after comment {i}");
        }
    }
}
