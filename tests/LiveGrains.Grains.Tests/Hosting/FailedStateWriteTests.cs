using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Grains.Hosting;
using LiveGrains.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LiveGrains.Grains.Tests.Hosting;

/// <summary>A silo of its own whose grain storage fails writes on demand.</summary>
public sealed class FailedStateWriteTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestCluster _cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    public async ValueTask InitializeAsync() => await _cluster.DeployAsync();

    public async ValueTask DisposeAsync()
    {
        FaultyGrainStorage.FailWrites = false;
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_bind_retried_after_its_state_write_failed_is_stored()
    {
        var creator = _cluster.Client.GetGrain<ICreatorGrain>($"creator-{Guid.NewGuid():N}");
        (await creator.SetProfile("Mia", null, CreatorType.Seller)).Succeeded.ShouldBeTrue();

        FaultyGrainStorage.FailWrites = true;
        await Should.ThrowAsync<Exception>(() => creator.BindAgency("agency-a"));
        FaultyGrainStorage.FailWrites = false;
        (await creator.BindAgency("agency-a")).Succeeded.ShouldBeTrue();

        // What a new activation reads is what storage holds.
        await creator.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        (await creator.GetProfile()).AgencyId.ShouldBe("agency-a");
    }

    [Fact]
    public async Task Setting_a_creators_profile_to_what_it_is_writes_nothing()
    {
        var creator = _cluster.Client.GetGrain<ICreatorGrain>($"creator-{Guid.NewGuid():N}");
        (await creator.SetProfile("Mia", "https://img.example/mia.png", CreatorType.Affiliate)).Succeeded.ShouldBeTrue();

        FaultyGrainStorage.FailWrites = true;
        var again = await creator.SetProfile(" Mia ", "https://img.example/mia.png", CreatorType.Affiliate);
        await Should.ThrowAsync<Exception>(() => creator.SetProfile("Mia Stone", "https://img.example/mia.png", CreatorType.Affiliate));
        FaultyGrainStorage.FailWrites = false;

        again.Succeeded.ShouldBeTrue();
        (await creator.GetProfile()).Name.ShouldBe("Mia");
    }

    [Fact]
    public async Task Preferences_set_again_after_their_state_write_failed_are_stored()
    {
        var agency = _cluster.Client.GetGrain<IAgencyGrain>($"agency-{Guid.NewGuid():N}");
        var preferences = await agency.GetPreferences();
        var chosen = preferences with { CardMetrics = [.. preferences.CardMetrics.Take(2)] };

        FaultyGrainStorage.FailWrites = true;
        await Should.ThrowAsync<Exception>(() => agency.SetPreferences(chosen));
        FaultyGrainStorage.FailWrites = false;
        (await agency.GetPreferences()).CardMetrics.ShouldBe(preferences.CardMetrics, "a failed write leaves nothing behind");
        (await agency.SetPreferences(chosen)).Succeeded.ShouldBeTrue();

        await agency.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        (await agency.GetPreferences()).CardMetrics.ShouldBe(chosen.CardMetrics);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddLiveGrainsSingleProcess();
            // Registered after the single-process storage, so this one is what the grains get.
            siloBuilder.Services.AddGrainStorage(StorageNames.Grains, (services, _) =>
                new FaultyGrainStorage(new SingleProcessGrainStorage(services.GetRequiredService<IGrainStorageSerializer>())));
        }
    }
}
