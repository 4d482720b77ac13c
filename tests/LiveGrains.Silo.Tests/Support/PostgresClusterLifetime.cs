using LiveGrains.Storage.Tests.Support;
using Orleans.TestingHost;

namespace LiveGrains.Silo.Tests.Support;

/// <summary>
/// A test class's own database with in-process silos configured by <typeparamref name="TSilo"/> on it, for the class's
/// <c>IAsyncLifetime</c> to delegate to. Without Postgres nothing is deployed and <see cref="Cluster"/> skips the test.
/// </summary>
internal sealed class PostgresClusterLifetime<TSilo>(short silos) : IAsyncDisposable where TSilo : ISiloConfigurator, new()
{
    private TestCluster? _cluster;

    /// <summary>The test's own database.</summary>
    public PostgresDatabase Db { get; } = new();

    /// <summary>The deployed silos and their client; skips the test when no Postgres is configured.</summary>
    public TestCluster Cluster
    {
        get
        {
            PostgresDatabase.SkipUnlessConfigured();
            return _cluster!;
        }
    }

    /// <summary>Creates the database and deploys the silos on it.</summary>
    public async ValueTask InitializeAsync()
    {
        await Db.InitializeAsync();
        if (string.IsNullOrEmpty(PostgresDatabase.AdminConnectionString)) return;
        _cluster = await PostgresTestCluster.DeployAsync<TSilo>(Db, silos);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await PostgresTestCluster.StopAsync(_cluster);
        await Db.DisposeAsync();
    }
}
