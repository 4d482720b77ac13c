using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Tests.Support;
using Orleans.Streams;

namespace LiveGrains.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class AgencyGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-30);

    /// <summary>An agency with one LIVE per creator, started a minute apart, each with the given affiliate GMV.</summary>
    private async Task<(IAgencyGrain Agency, List<string> LiveIds)> AgencyWithLives(params (string Name, CreatorType Type, decimal AffiliateGmv)[] lives)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var creators = lives.Select((l, i) => $"{tag}-c{i}").ToArray();
        var agency = await Setup.AgencyWithCreator(fixture.Grains, creators);
        var liveIds = new List<string>();
        for (var i = 0; i < lives.Length; i++)
        {
            await fixture.Grains.GetGrain<ICreatorGrain>(creators[i]).SetProfile(lives[i].Name, null, lives[i].Type);
            var liveId = $"{tag}-live{i}";
            var ev = new Events(liveId, creators[i], Start.AddMinutes(i));
            await fixture.Grains.GetGrain<ILiveSessionGrain>(liveId).Ingest(
                [ev.Started("Show", lives[i].Type), ev.Order(TimeSpan.FromMinutes(1), "o1", lives[i].AffiliateGmv, affiliate: true)]);
            liveIds.Add(liveId);
        }
        await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.Count == lives.Length, "all cards");
        return (agency, liveIds);
    }

    [Fact]
    public async Task Fourth_pin_is_refused_as_a_conflict_with_a_clear_message()
    {
        var (agency, lives) = await AgencyWithLives(("A", CreatorType.Seller, 1), ("B", CreatorType.Seller, 2), ("C", CreatorType.Seller, 3), ("D", CreatorType.Seller, 4));
        for (var i = 0; i < 3; i++) (await agency.Pin(lives[i])).Succeeded.ShouldBeTrue();

        var fourth = await agency.Pin(lives[3]);

        fourth.Error.ShouldBe(ErrorKind.Conflict);
        fourth.Message.ShouldBe("You can pin at most 3 LIVEs. Unpin one before pinning another.");
        (await agency.Unpin(lives[0])).Succeeded.ShouldBeTrue();
        (await agency.Pin(lives[3])).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Pinned_lives_come_first_in_pin_order()
    {
        var (agency, lives) = await AgencyWithLives(("A", CreatorType.Seller, 1), ("B", CreatorType.Seller, 2), ("C", CreatorType.Seller, 3));
        await agency.Pin(lives[0]);
        await agency.Pin(lives[1]);

        var cards = (await agency.GetOngoing(OngoingQuery.Default)).Cards;

        cards.Select(c => c.LiveId).ShouldBe([lives[0], lives[1], lives[2]]);
        cards.Select(c => c.Pinned).ShouldBe([true, true, false]);
    }

    [Fact]
    public async Task Pinning_an_unknown_or_foreign_live_is_refused()
    {
        var (agency, _) = await AgencyWithLives(("A", CreatorType.Seller, 1));
        var (_, otherLives) = await AgencyWithLives(("Z", CreatorType.Seller, 1));

        (await agency.Pin("no-such-live")).Error.ShouldBe(ErrorKind.NotFound);
        var foreign = await agency.Pin(otherLives[0]);
        foreign.Error.ShouldBe(ErrorKind.NotFound);
        foreign.Message!.ShouldContain("is not an ongoing LIVE of this agency");
    }

    [Fact]
    public async Task Ongoing_query_filters_by_creator_name_and_type_and_sorts_by_affiliate_gmv()
    {
        var (agency, lives) = await AgencyWithLives(("Maya Lee", CreatorType.Affiliate, 50), ("Omar Diaz", CreatorType.Seller, 10), ("Mayra Q", CreatorType.Affiliate, 90));

        async Task<IEnumerable<string>> Ids(OngoingQuery q) => (await agency.GetOngoing(q)).Cards.Select(c => c.LiveId);

        (await Ids(OngoingQuery.Default)).ShouldBe([lives[2], lives[1], lives[0]]);
        (await Ids(OngoingQuery.Default with { Sort = OngoingSort.Earliest })).ShouldBe([lives[0], lives[1], lives[2]]);
        (await Ids(OngoingQuery.Default with { Sort = OngoingSort.AffiliateGmvDesc })).ShouldBe([lives[2], lives[0], lives[1]]);
        (await Ids(OngoingQuery.Default with { Sort = OngoingSort.AffiliateGmvAsc })).ShouldBe([lives[1], lives[0], lives[2]]);
        (await Ids(OngoingQuery.Default with { CreatorName = "maya" })).ShouldBe([lives[0]]);
        (await Ids(OngoingQuery.Default with { CreatorType = CreatorType.Seller })).ShouldBe([lives[1]]);
        (await Ids(OngoingQuery.Default with { Status = OngoingStatusFilter.InViolation })).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_violation_filter_shows_only_lives_in_violation()
    {
        var (agency, lives) = await AgencyWithLives(("A", CreatorType.Seller, 1), ("B", CreatorType.Seller, 2));
        var creator = (await fixture.Grains.GetGrain<ILiveSessionGrain>(lives[1]).GetCard())!.CreatorId;
        await fixture.Grains.GetGrain<ILiveSessionGrain>(lives[1]).Ingest(
            [new Events(lives[1], creator, Start).Violation(TimeSpan.FromMinutes(3), "v-1", ViolationAction.Warning)]);

        var inViolation = await Eventually.Get(
            () => agency.GetOngoing(OngoingQuery.Default with { Status = OngoingStatusFilter.InViolation }), o => o.Cards.Count == 1, "violation card");
        inViolation.Cards.Single().LiveId.ShouldBe(lives[1]);
        var attention = await agency.GetOngoing(OngoingQuery.Default with { Status = OngoingStatusFilter.NeedAttention });
        attention.Cards.Single(c => c.LiveId == lives[1]).Attention.ShouldContain(a => a.Rule == AttentionRule.Violation);
        // Both LIVEs sold once, 29 minutes ago: the no-order rule flags them too.
        attention.Cards.Single(c => c.LiveId == lives[0]).Attention.Single().Rule.ShouldBe(AttentionRule.NoOrders);
    }

    [Fact]
    public async Task Metric_preferences_refuse_a_tenth_metric_and_unknown_keys()
    {
        var agency = await Setup.AgencyWithCreator(fixture.Grains);
        var prefs = await agency.GetPreferences();

        var tooMany = await agency.SetPreferences(prefs with { ListMetrics = MetricCatalog.All.Take(10).Select(m => m.Key).ToList() });
        tooMany.Error.ShouldBe(ErrorKind.Invalid);
        tooMany.Message!.ShouldBe("listMetrics: at most 9 metrics can be chosen (got 10)");
        (await agency.SetPreferences(prefs with { CardMetrics = ["gmv", "vibes"] })).Message!.ShouldContain("cardMetrics: unknown metric key(s): vibes");
        (await agency.SetPreferences(prefs with { Thresholds = prefs.Thresholds with { ViewerDropPercent = 0 } })).Message!.ShouldContain("thresholds");

        var nine = MetricCatalog.All.Take(9).Select(m => m.Key).ToList();
        (await agency.SetPreferences(prefs with { ListMetrics = nine })).Succeeded.ShouldBeTrue();
        (await agency.GetPreferences()).ListMetrics.ShouldBe(nine);
    }

    [Fact]
    public async Task An_agency_without_creators_says_so()
    {
        var agency = await Setup.AgencyWithCreator(fixture.Grains);
        var page = await agency.GetOngoing(OngoingQuery.Default);
        (page.BoundCreators, page.TotalOngoing, page.Cards.Count).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task An_agency_learns_its_creators_from_the_directory_as_it_activates()
    {
        // Bindings written before this agency's grain first ran, as after a restart: its state does not list creators.
        var agencyId = $"agency-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++) await fixture.Directory.BindCreatorAsync($"{agencyId}-c{i}", agencyId, Start, ct);
        await fixture.Directory.UnbindCreatorAsync($"{agencyId}-c2", agencyId, Start.AddMinutes(1), ct);

        var agency = fixture.Grains.GetGrain<IAgencyGrain>(agencyId);

        (await agency.GetInfo()).BoundCreators.ShouldBe(2);
        var returning = fixture.Grains.GetGrain<ICreatorGrain>($"{agencyId}-c2");
        (await returning.BindAgency(agencyId)).Succeeded.ShouldBeTrue();
        (await agency.GetInfo()).BoundCreators.ShouldBe(3);
        (await returning.UnbindAgency(agencyId)).Succeeded.ShouldBeTrue();
        (await agency.GetInfo()).BoundCreators.ShouldBe(2);
    }

    [Fact]
    public async Task Card_changes_are_published_in_batches_on_the_agency_stream()
    {
        var (agency, lives) = await AgencyWithLives(("A", CreatorType.Affiliate, 1));
        var agencyId = (await agency.GetInfo()).AgencyId;
        var received = new List<AgencyCardsChanged>();
        var stream = fixture.Cluster.Client.GetStreamProvider(LiveStreams.Provider).GetStream<AgencyCardsChanged>(LiveStreams.ForAgency(agencyId));
        var handle = await stream.SubscribeAsync((batch, _) => { lock (received) received.Add(batch); return Task.CompletedTask; });
        await agency.Watch(TimeSpan.FromSeconds(30));

        var creator = (await fixture.Grains.GetGrain<ILiveSessionGrain>(lives[0]).GetCard())!.CreatorId;
        var ev = new Events(lives[0], creator, Start);
        var orders = Enumerable.Range(0, 50).Select(i => ev.Order(TimeSpan.FromMinutes(2), $"bulk{i}", 2m, affiliate: true)).ToList();
        foreach (var order in orders) await fixture.Grains.GetGrain<ILiveSessionGrain>(lives[0]).Ingest([order]);

        await Eventually.Get(() => Task.FromResult(Snapshot(received)),
            batches => batches.SelectMany(b => b.Changed).Any(c => c.Metrics["affiliate_gmv"] == 101m), "gmv 101 on the stream");
        // 50 ingests within a few ticks must not become 50 messages: batching happens at the source.
        Snapshot(received).Count.ShouldBeLessThan(25);
        await handle.UnsubscribeAsync();
    }

    [Fact]
    public async Task Card_changes_are_published_only_while_a_dashboard_watches_the_agency()
    {
        var (agency, lives) = await AgencyWithLives(("A", CreatorType.Seller, 1));
        var agencyId = (await agency.GetInfo()).AgencyId;
        var received = new List<AgencyCardsChanged>();
        var stream = fixture.Cluster.Client.GetStreamProvider(LiveStreams.Provider).GetStream<AgencyCardsChanged>(LiveStreams.ForAgency(agencyId));
        var handle = await stream.SubscribeAsync((batch, _) => { lock (received) received.Add(batch); return Task.CompletedTask; });
        var live = fixture.Grains.GetGrain<ILiveSessionGrain>(lives[0]);
        var ev = new Events(lives[0], (await live.GetCard())!.CreatorId, Start);

        await live.Ingest([ev.Order(TimeSpan.FromMinutes(2), "unwatched", 3m)]);
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Snapshot(received).ShouldBeEmpty();

        await agency.Watch(TimeSpan.FromSeconds(30));
        await live.Ingest([ev.Order(TimeSpan.FromMinutes(3), "watched", 4m)]);
        await Eventually.Get(() => Task.FromResult(Snapshot(received)),
            batches => batches.SelectMany(b => b.Changed).Any(c => c.Metrics["gmv"] == 8m), "gmv 8 on the stream");
        await handle.UnsubscribeAsync();
    }

    private static List<AgencyCardsChanged> Snapshot(List<AgencyCardsChanged> received)
    {
        lock (received) return received.ToList();
    }
}
