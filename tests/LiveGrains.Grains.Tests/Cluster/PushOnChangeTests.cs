using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Hosting;
using LiveGrains.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LiveGrains.Grains.Tests.Cluster;

/// <summary>A silo whose LIVEs tick only every 20 s, so that what goes out before a tick can be told from what waits for one.</summary>
public sealed class SlowTickSilo : IAsyncLifetime
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(20);

    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

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
                o.HeartbeatInterval = TimeSpan.FromMinutes(1);
            });
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
}
