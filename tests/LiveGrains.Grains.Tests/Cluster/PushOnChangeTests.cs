using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Hosting;
using LiveGrains.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.TestingHost;

namespace LiveGrains.Grains.Tests.Cluster;

/// <summary>
/// A silo whose LIVEs tick and agencies publish only every 20 s, so that what goes out before a tick can be told from
/// what waits for one.
/// </summary>
public sealed class SlowTickSilo : IAsyncLifetime
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(20);

    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>().Build();

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddLiveGrainsSingleProcess()
            .Services.Configure<LiveGrainsOptions>(o =>
            {
                o.TickInterval = TickInterval;
                o.AgencyPublishInterval = TickInterval;
                o.HeartbeatInterval = TimeSpan.FromMinutes(1);
            });
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(LiveStreams.Provider);
    }
}

public sealed class PushOnChangeTests(SlowTickSilo silo) : IClassFixture<SlowTickSilo>
{
    private IGrainFactory Grains => silo.Cluster.Client;

    [Fact]
    public async Task A_lives_first_change_reaches_its_agency_at_once_and_the_next_one_waits_for_the_tick()
    {
        var creator = $"creator-{Guid.NewGuid():N}";
        var agency = await Setup.AgencyWithCreator(Grains, creator);
        var ev = new Events(Events.NewLiveId(), creator, DateTimeOffset.UtcNow.AddMinutes(-5));
        var live = Grains.GetGrain<ILiveSessionGrain>(ev.LiveId);

        await live.Ingest([ev.Started()]);
        // Well within the 20 s tick: the first change does not wait for it.
        var first = await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.Count == 1, "the first card", timeoutMs: 5_000);
        await live.Ingest([ev.Likes(TimeSpan.FromSeconds(10), 3)]);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        var meanwhile = await agency.GetOngoing(OngoingQuery.Default);

        first.Cards[0].Sequence.ShouldBe(1);
        // Pushed at most once per tick interval: the second change is still on its way.
        meanwhile.Cards[0].Sequence.ShouldBe(1);
        (await live.GetCard())!.Sequence.ShouldBe(2);
    }

    [Fact]
    public async Task An_agencys_first_change_after_a_quiet_interval_is_published_at_once_and_the_next_one_waits()
    {
        var (first, second) = ($"creator-{Guid.NewGuid():N}", $"creator-{Guid.NewGuid():N}");
        var agency = await Setup.AgencyWithCreator(Grains, first, second);
        var agencyId = (await agency.GetInfo()).AgencyId;
        var published = new List<AgencyCardsChanged>();
        var stream = silo.Cluster.Client.GetStreamProvider(LiveStreams.Provider).GetStream<AgencyCardsChanged>(LiveStreams.ForAgency(agencyId));
        var handle = await stream.SubscribeAsync((batch, _) => { lock (published) published.Add(batch); return Task.CompletedTask; });
        await agency.Watch(TimeSpan.FromMinutes(1));
        var a = new Events(Events.NewLiveId(), first, DateTimeOffset.UtcNow.AddMinutes(-5));
        var b = new Events(Events.NewLiveId(), second, DateTimeOffset.UtcNow.AddMinutes(-5));

        await Grains.GetGrain<ILiveSessionGrain>(a.LiveId).Ingest([a.Started()]);
        // Well within the 20 s interval: the first change after a quiet one does not wait for it.
        await Eventually.Get(() => Task.FromResult(Snapshot(published)), p => p.Count == 1, "the first publish", timeoutMs: 5_000);
        await Grains.GetGrain<ILiveSessionGrain>(b.LiveId).Ingest([b.Started()]);
        await Eventually.Get(() => agency.GetOngoing(OngoingQuery.Default), o => o.Cards.Count == 2, "both cards at the agency", timeoutMs: 5_000);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        // Published at most once per interval: the second LIVE's card waits for the next publish.
        Snapshot(published).SelectMany(p => p.Changed).Select(c => c.LiveId).ShouldBe([a.LiveId]);
        await handle.UnsubscribeAsync();
    }

    private static List<AgencyCardsChanged> Snapshot(List<AgencyCardsChanged> published)
    {
        lock (published) return [.. published];
    }
}
