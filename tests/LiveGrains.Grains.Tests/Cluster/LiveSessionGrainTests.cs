using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Sessions;
using LiveGrains.Grains.Tests.Support;
using Orleans.Core.Internal;
using Orleans.Streams;

namespace LiveGrains.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class LiveSessionGrainTests(ClusterFixture fixture)
{
    private static TimeSpan Sec(double s) => TimeSpan.FromSeconds(s);

    private static readonly DateTimeOffset FiveMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-5);

    private static (Events Ev, string LiveId) NewLive(string creator = "creator-x")
    {
        var liveId = Events.NewLiveId();
        return (new Events(liveId, creator, FiveMinutesAgo), liveId);
    }

    private static List<LiveEvent> Batch(Events ev) =>
    [
        ev.Started(), ev.Viewers(Sec(10), 40), ev.Joined(Sec(20), "v1"), ev.Joined(Sec(30), "v2"),
        ev.Order(Sec(40), "o1", 12.34m, affiliate: true), ev.Order(Sec(50), "o2", 0.66m, buyer: "b2"),
        ev.Comment(Sec(60), "hello"), ev.Likes(Sec(70), 5),
    ];

    [Fact]
    public async Task The_same_batch_ingested_twice_gives_the_same_totals()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        var batch = Batch(ev);

        var first = await grain.Ingest(batch);
        var totals = (await grain.GetDashboard())!.Counters;
        var second = await grain.Ingest(batch);

        (first.Accepted, first.Duplicates, first.Rejected.Count).ShouldBe((8, 0, 0));
        (second.Accepted, second.Duplicates).ShouldBe((0, 8));
        var again = (await grain.GetDashboard())!.Counters;
        // Duration and viewer-time grow with the clock while the LIVE is on air; every count must be unchanged.
        again.ShouldBe(totals with { DurationSeconds = again.DurationSeconds, ViewerSeconds = again.ViewerSeconds });
        totals.Gmv.ShouldBe(13.00m);
        totals.Orders.ShouldBe(2);
    }

    [Fact]
    public async Task A_whole_LIVE_sent_newest_first_in_one_call_is_counted_whole()
    {
        var liveId = Events.NewLiveId();
        var ev = new Events(liveId, "creator-x", DateTimeOffset.UtcNow.AddHours(-3));
        var story = new List<LiveEvent> { ev.Started() };
        for (var minute = 1; minute <= 120; minute++) story.Add(ev.Likes(TimeSpan.FromMinutes(minute), 2));
        story.Add(ev.Ended(TimeSpan.FromMinutes(121)));
        story.Reverse();
        // One bad item in the middle: its index must still name its place in the batch as sent.
        story.Insert(60, ev.At(TimeSpan.FromMinutes(30), new LikesReceived(-1)));
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);

        var result = await grain.Ingest(story);

        (result.Accepted, result.Duplicates).ShouldBe((122, 0));
        result.Rejected.Select(r => r.Index).ShouldBe([60]);
        var dashboard = (await grain.GetDashboard())!;
        dashboard.Counters.Likes.ShouldBe(240);
        dashboard.Card.Status.ShouldBe(LiveStatus.Ended);
    }

    [Fact]
    public async Task Acknowledgements_name_the_sequence_their_events_reached_and_cards_carry_it()
    {
        var (ev, liveId) = NewLive();
        var (other, otherId) = NewLive();
        var batch = Batch(ev);

        var first = await fixture.Grains.IngestAsync([.. batch, other.Started()]);
        var again = await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId).Ingest(batch);
        var next = await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId).Ingest([ev.Likes(Sec(80), 1)]);

        var sequences = first.Sequences.ShouldNotBeNull();
        sequences.OrderBy(kv => kv.Value).ShouldBe([new(otherId, 1), new(liveId, 8)]);
        sequences[liveId].ShouldBe(8);
        sequences.TryGetValue(otherId, out var otherSequence).ShouldBeTrue();
        otherSequence.ShouldBe(1);
        sequences.ContainsKey("not-in-the-call").ShouldBeFalse();
        // Duplicates were in long ago: the LIVE's sequence is unchanged and covers them.
        again.Sequence.ShouldBe(8);
        next.Sequence.ShouldBe(9);
        (await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId).GetCard())!.Sequence.ShouldBe(9);
    }

    [Fact]
    public async Task Rejections_in_a_batch_of_many_lives_name_their_positions_in_the_whole_batch()
    {
        var (a, _) = NewLive();
        var (b, _) = NewLive();
        var future = TimeSpan.FromDays(1);

        var result = await fixture.Grains.IngestAsync([a.Started(), b.Started(), b.Likes(future, 1), a.Likes(Sec(5), 2), a.Likes(future, 3)]);

        (result.Accepted, result.Duplicates).ShouldBe((3, 0));
        result.Rejected.Select(r => r.Index).ShouldBe([2, 4]);
    }

    [Fact]
    public async Task Out_of_order_events_give_the_same_totals_as_in_order()
    {
        var (ev, liveId) = NewLive();
        var batch = Batch(ev);
        var (ev2, liveId2) = NewLive();
        var reversed = Batch(ev2);
        reversed.Reverse();

        await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId).Ingest(batch);
        foreach (var e in reversed) await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId2).Ingest([e]);

        var a = (await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId).GetDashboard())!;
        var b = (await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId2).GetDashboard())!;
        (b.Counters.Gmv, b.Counters.Orders, b.Counters.Views, b.Counters.UniqueViewers, b.Counters.Likes, b.Counters.Comments)
            .ShouldBe((a.Counters.Gmv, a.Counters.Orders, a.Counters.Views, a.Counters.UniqueViewers, a.Counters.Likes, a.Counters.Comments));
        b.Card.StartedAt.ShouldBe(a.Card.StartedAt);
    }

    [Fact]
    public async Task Totals_and_the_dedupe_window_survive_a_forced_deactivation()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        var batch = Batch(ev);
        await grain.Ingest(batch);
        var before = (await grain.GetDashboard())!.Counters;

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        var after = (await grain.GetDashboard())!.Counters;
        (after.Gmv, after.Orders, after.Views, after.UniqueViewers, after.Buyers).ShouldBe((before.Gmv, before.Orders, before.Views, before.UniqueViewers, before.Buyers));
        var again = await grain.Ingest(batch);
        (again.Accepted, again.Duplicates).ShouldBe((0, batch.Count));
    }

    [Fact]
    public async Task Bad_events_are_rejected_with_reasons_and_the_good_ones_kept()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        var result = await grain.Ingest([
            ev.Order(Sec(1), "o1", 5m),
            ev.At(Sec(2), new OrderPaid("o2", "p1", "b", 0, 5m, "USD", false)),
            ev.At(Sec(3), new LikesReceived(3)) with { LiveId = "someone-else" },
            ev.At(TimeSpan.FromHours(2), new LikesReceived(3)),
            ev.Order(Sec(4), "o3", 7m),
        ]);

        result.Accepted.ShouldBe(2);
        result.Rejected.Select(r => r.Index).ShouldBe([1, 2, 3]);
        result.Rejected[0].Reason.ShouldContain("data.quantity must be positive");
        result.Rejected[1].Reason.ShouldContain("liveId 'someone-else' was sent to LIVE");
        result.Rejected[2].Reason.ShouldContain("in the future");
        (await grain.GetDashboard())!.Counters.Gmv.ShouldBe(12m);
    }

    [Fact]
    public async Task A_suspended_live_shows_its_violation_and_leaves_the_agency_index()
    {
        var agency = await Setup.AgencyWithCreator(fixture.Grains, "creator-s");
        var (ev, liveId) = NewLive("creator-s");
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        await grain.Ingest([ev.Started(), ev.Order(Sec(5), "o1", 3m)]);
        await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.Any(c => c.LiveId == liveId), "card in agency");

        await grain.Ingest([ev.Violation(Sec(30), "viol-1", ViolationAction.Suspension)]);

        var card = (await grain.GetCard())!;
        card.Status.ShouldBe(LiveStatus.Suspended);
        card.Violations.Single().Reason.ShouldBe("Showing a restricted item");
        (await grain.GetDashboard())!.EndReason.ShouldBe(LiveEndReason.Suspended);
        await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.All(c => c.LiveId != liveId), "card removed");
    }

    [Fact]
    public async Task A_creator_renamed_and_moved_mid_live_takes_its_card_to_the_new_agency_at_once()
    {
        // The test silos re-read creators only once a minute: what happens here is the creator's own notice.
        var oldAgency = await Setup.AgencyWithCreator(fixture.Grains, "creator-m");
        var newAgency = await Setup.AgencyWithCreator(fixture.Grains);
        var (ev, liveId) = NewLive("creator-m");
        var creator = fixture.Grains.GetGrain<ICreatorGrain>("creator-m");
        await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId).Ingest([ev.Started(), ev.Order(Sec(5), "o1", 3m)]);
        await Eventually.Get(() => oldAgency.GetOngoing(OngoingQuery.Default), o => o.Cards.Any(c => c.LiveId == liveId), "card in the old agency");

        await creator.SetProfile("Renamed creator", "https://img.example/renamed.png", CreatorType.Affiliate);
        await creator.BindAgency(newAgency.GetPrimaryKeyString());

        var moved = await Eventually.Get(() => newAgency.GetOngoing(OngoingQuery.Default), o => o.Cards.Any(c => c.LiveId == liveId), "card in the new agency");
        var card = moved.Cards.Single(c => c.LiveId == liveId);
        (card.CreatorName, card.CreatorAvatarUrl).ShouldBe(("Renamed creator", "https://img.example/renamed.png"));
        await Eventually.Get(() => oldAgency.GetOngoing(OngoingQuery.Default), o => o.Cards.All(c => c.LiveId != liveId), "card gone from the old agency");
    }

    [Fact]
    public async Task End_of_live_clears_the_creators_current_live_and_keeps_the_dashboard()
    {
        var agency = await Setup.AgencyWithCreator(fixture.Grains, "creator-e");
        var (ev, liveId) = NewLive("creator-e");
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        var creator = fixture.Grains.GetGrain<ICreatorGrain>("creator-e");
        await grain.Ingest([ev.Started(), ev.Order(Sec(5), "o1", 3m)]);
        await Eventually.Get(() => creator.GetProfile(), p => p.CurrentLiveId == liveId, "creator on air");

        await grain.Ingest([ev.Ended(Sec(60))]);

        await Eventually.Get(() => creator.GetProfile(), p => p.CurrentLiveId is null, "creator off air");
        await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.All(c => c.LiveId != liveId), "card removed");
        var dashboard = (await grain.GetDashboard())!;
        (dashboard.Card.Status, dashboard.EndReason, dashboard.Counters.Gmv).ShouldBe((LiveStatus.Ended, LiveEndReason.Ended, 3m));
        dashboard.Counters.DurationSeconds.ShouldBe(60m);
    }

    [Fact]
    public async Task A_live_holds_one_on_air_reminder_while_on_air_and_removes_it_when_it_ends()
    {
        await Setup.AgencyWithCreator(fixture.Grains, "creator-r");
        var (ev, liveId) = NewLive("creator-r");
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        await grain.Ingest([ev.Started(), ev.Order(Sec(5), "o1", 3m)]);

        var registered = (await Eventually.Get(() => fixture.RemindersOf(grain), r => r.Count > 0, "reminder registered")).Single();
        (registered.ReminderName, registered.Period).ShouldBe((LiveSessionGrain.OnAirReminder, TimeSpan.FromMinutes(1)));

        // More events and ticks do not register it again: the reminder keeps its first version.
        await grain.Ingest([ev.Order(Sec(6), "o2", 1m), ev.Likes(Sec(7), 2)]);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        (await fixture.RemindersOf(grain)).Single().ETag.ShouldBe(registered.ETag);

        await grain.Ingest([ev.Ended(Sec(60))]);

        await Eventually.Get(() => fixture.RemindersOf(grain), r => r.Count == 0, "reminder removed");
    }

    [Fact]
    public async Task A_reminder_tick_brings_a_lost_live_back_to_its_agencys_ongoing_lives()
    {
        var agency = await Setup.AgencyWithCreator(fixture.Grains, "creator-lost");
        var (ev, liveId) = NewLive("creator-lost");
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        await grain.Ingest([ev.Started(), ev.Order(Sec(5), "o1", 7m)]);
        await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.Any(c => c.LiveId == liveId), "card shown");

        // What a dead silo takes with it: the LIVE's activation and the agency's in-memory ongoing index.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        await agency.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.Count == 0, "card gone with the agency's activation");

        var now = DateTime.UtcNow;
        await grain.AsReference<IRemindable>().ReceiveReminder(LiveSessionGrain.OnAirReminder, new TickStatus(now, TimeSpan.FromMinutes(1), now), TestContext.Current.CancellationToken);

        var card = (await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.Any(c => c.LiveId == liveId), "card back")).Cards.Single();
        card.Metrics["gmv"].ShouldBe(7m);
    }

    [Fact]
    public async Task Attention_fires_on_a_viewer_drop_and_clears_on_recovery()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        await grain.Ingest([ev.Started(), ev.Viewers(TimeSpan.FromMinutes(1), 800), ev.Viewers(TimeSpan.FromMinutes(4.5), 200)]);

        var card = (await grain.GetCard())!;
        card.Attention.Single().Rule.ShouldBe(AttentionRule.ViewerDrop);
        card.NeedsAttention.ShouldBeTrue();

        await grain.Ingest([ev.Viewers(TimeSpan.FromMinutes(4.9), 790)]);
        (await grain.GetCard())!.Attention.ShouldBeEmpty();
    }

    // A LIVE that has started, and a subscriber to its detail stream (which the LIVE publishes on only while watched).
    private async Task<(Events Ev, ILiveSessionGrain Grain, List<LiveDetailUpdate> Received, StreamSubscriptionHandle<LiveDetailUpdate> Handle)>
        StartedLiveWithDetailSubscriber()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        await grain.Ingest([ev.Started()]);
        var received = new List<LiveDetailUpdate>();
        var stream = fixture.Cluster.Client.GetStreamProvider(LiveStreams.Provider).GetStream<LiveDetailUpdate>(LiveStreams.ForLive(liveId));
        var handle = await stream.SubscribeAsync((update, _) => { lock (received) received.Add(update); return Task.CompletedTask; });
        return (ev, grain, received, handle);
    }

    [Fact]
    public async Task Detail_updates_are_published_only_while_someone_watches_the_live()
    {
        var (ev, grain, received, handle) = await StartedLiveWithDetailSubscriber();

        await grain.Ingest([ev.Comment(Sec(10), "nobody watches")]);
        await Task.Delay(600, TestContext.Current.CancellationToken);
        lock (received) received.ShouldBeEmpty();

        await grain.Watch(TimeSpan.FromSeconds(30));
        await grain.Ingest([ev.Comment(Sec(20), "now someone does")]);
        await Eventually.Get(() => { lock (received) return Task.FromResult(received.Count); }, n => n > 0, "a detail update");
        lock (received) received.SelectMany(u => u.NewComments).Select(c => c.Text).ShouldBe(["now someone does"]);
        await handle.UnsubscribeAsync();
    }

    [Fact]
    public async Task A_detail_update_lists_the_comments_since_the_last_push_newest_first()
    {
        var (ev, grain, received, handle) = await StartedLiveWithDetailSubscriber();
        await grain.Watch(TimeSpan.FromSeconds(30));

        await grain.Ingest([ev.Comment(Sec(30), "first"), ev.Comment(Sec(40), "newest"), ev.Comment(Sec(35), "late")]);
        await Eventually.Get(() => { lock (received) return Task.FromResult(received.Sum(u => u.NewComments.Count)); }, n => n >= 3, "three comments");

        lock (received)
        {
            var comments = received.Single(u => u.NewComments.Count > 0).NewComments;
            comments.Select(c => (c.Text, c.OccurredAt)).ShouldBe([("newest", ev.Start + Sec(40)), ("late", ev.Start + Sec(35)), ("first", ev.Start + Sec(30))]);
        }
        await handle.UnsubscribeAsync();
    }
}
