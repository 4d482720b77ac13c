using LiveGrains.Contracts.Streams;
using LiveGrains.Silo.Hosting;
using LiveGrains.Storage.Schema;
using LiveGrains.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace LiveGrains.Silo.Tests.Support;

/// <summary>
/// In-process silos on a test's private Postgres database: the schema migrated, membership through Postgres (not the
/// test cluster's own), and a client that finds the silos there. Silo configurators read the connection string from
/// <see cref="ConnectionKey"/>.
/// </summary>
internal static class PostgresTestCluster
{
    /// <summary>Configuration key of the database's connection string, for silo configurators.</summary>
    public const string ConnectionKey = "TestPostgres";

    /// <summary>Migrates <paramref name="db"/> and deploys <paramref name="silos"/> silos configured by <typeparamref name="TSilo"/>.</summary>
    public static async Task<TestCluster> DeployAsync<TSilo>(PostgresDatabase db, short silos) where TSilo : ISiloConfigurator, new()
    {
        await new SchemaMigrator(db.DataSource).MigrateAsync(CancellationToken.None);
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [ConnectionKey] = db.DataSource.ConnectionString }));
        builder.AddSiloBuilderConfigurator<TSilo>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Stops and disposes a cluster that was deployed (a test without Postgres never deploys one).</summary>
    public static async Task StopAsync(TestCluster? cluster)
    {
        if (cluster is null) return;
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterSiloExtensions.Invariant, configuration[ConnectionKey]))
                .AddMemoryStreams(LiveStreams.Provider);
    }
}
