using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Streams;
using LiveGrains.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LiveGrains.Grains.Tests.Support;

/// <summary>
/// A two-silo in-process cluster with memory storage and streams and an event log that fails on demand, with fast
/// ticks so tests wait little.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(2)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.Client;

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
            siloBuilder.AddLiveGrainsInMemory();
            siloBuilder.Services.Configure<LiveGrainsOptions>(o =>
            {
                o.TickInterval = TimeSpan.FromMilliseconds(100);
                o.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
                o.CheckpointInterval = TimeSpan.FromMilliseconds(300);
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
