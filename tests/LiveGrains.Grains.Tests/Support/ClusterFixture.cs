using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Streams;
using LiveGrains.Grains.Directory;
using LiveGrains.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LiveGrains.Grains.Tests.Support;

/// <summary>
/// A two-silo in-process cluster with memory storage, streams and reminders, an event log that fails on demand and one
/// creator directory for both silos (as Postgres is in cluster mode), with fast ticks so tests wait little.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(2)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The directory every silo's grains write to.</summary>
    public ICreatorDirectory Directory => SharedDirectory;

    private static readonly InMemoryCreatorDirectory SharedDirectory = new();

    /// <summary>The reminders the cluster holds for <paramref name="grain"/>, read from the reminder table the silos share.</summary>
    public async Task<IReadOnlyList<ReminderEntry>> RemindersOf(IAddressable grain)
    {
        var silo = Cluster.Primary as InProcessSiloHandle ?? throw new InvalidOperationException("The test cluster runs its silos in process.");
        var table = silo.SiloHost.Services.GetRequiredService<IReminderTable>();
        return [.. (await table.ReadRows(grain.GetGrainId(), TestContext.Current.CancellationToken)).Reminders];
    }

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton<ILiveEventLog, FaultyEventLog>();
            siloBuilder.Services.AddSingleton<ICreatorDirectory>(SharedDirectory);
            // In-memory grain storage, streams and reminders (the reminder table lives in a grain both silos reach).
            siloBuilder.AddLiveGrainsInMemory();
            siloBuilder.Services.Configure<LiveGrainsOptions>(o =>
            {
                o.TickInterval = TimeSpan.FromMilliseconds(100);
                o.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
                o.CheckpointInterval = TimeSpan.FromMilliseconds(300);
                // Two silos in one process stand in for a cluster, where a LIVE outlives its silo through its reminder.
                o.OnAirReminders = true;
            });
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(LiveStreams.Provider);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
