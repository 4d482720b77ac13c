using System.Collections.Concurrent;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Streams;
using LiveGrains.Grains.Hosting;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Targets;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Silo.Hosting;
using LiveGrains.Silo.Tests.Support;
using LiveGrains.Simulation.Truth;
using LiveGrains.Storage.Hosting;
using LiveGrains.Storage.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace LiveGrains.Silo.Tests.Durability;

/// <summary>Postgres goes away in the middle of a run and comes back: producers retry, and every total is exact.</summary>
public sealed class PostgresOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_stopped_and_restarted_mid_run_gives_retryable_errors_then_exact_totals()
    {
        PrivatePostgres.SkipUnlessAvailable();
        await using var postgres = await PrivatePostgres.StartAsync(Ct);
        await using (var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString))
        {
            await new SchemaMigrator(dataSource).MigrateAsync(Ct);
        }
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["TestPostgres"] = postgres.ConnectionString }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync(Ct);
        var grains = cluster.Client;

        var workload = WorkloadBuilder.Build(new LoadGenOptions { Lives = 150, Agencies = 3, Events = 15_000, Batch = 150, Seed = 7 }, DateTimeOffset.UtcNow);
        var truth = new GroundTruth();
        foreach (var batch in workload.Batches) truth.AddRange(batch);
        await GrainSeeding.SeedAsync(grains, workload, Ct);

        var failures = new ConcurrentDictionary<string, int>();
        var sent = 0;
        var outage = Task.Run(async () =>
        {
            while (Volatile.Read(ref sent) < workload.Batches.Count / 3) await Task.Delay(20, Ct);
            await postgres.StopAsync(Ct);
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            await postgres.StartAgainAsync(Ct);
        }, Ct);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < workload.Batches.Count)
            {
                await SendWithRetries(grains, workload.Batches[i], failures);
                Interlocked.Increment(ref sent);
            }
        }, Ct)));
        await outage;

        TestContext.Current.TestOutputHelper?.WriteLine($"producer errors during the outage: {string.Join(", ", failures)}");
        failures.ShouldNotBeEmpty("the producers should have seen the outage");
        failures.Keys.ShouldAllBe(kind => !kind.StartsWith("not retryable", StringComparison.Ordinal));
        var verification = await TotalsComparer.CompareAsync(truth,
            async (liveId, _) => await grains.GetGrain<ILiveSessionGrain>(liveId).GetDashboard() is { } d ? DashboardTotals.From(liveId, d) : null, 16, Ct);
        verification.Passed.ShouldBe(true, $"{verification.Summary}\n{string.Join('\n', verification.Differences)}\nfailures seen: {string.Join(", ", failures)}");
        await using var check = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var count = check.CreateCommand("SELECT count(*) FROM live_event_log");
        ((long)(await count.ExecuteScalarAsync(Ct))!).ShouldBe(truth.Accepted, "every accepted event is in the log exactly once");
        await cluster.StopAllSilosAsync(Ct);
    }

    private static async Task SendWithRetries(IGrainFactory grains, LiveGrains.Contracts.Events.LiveEvent[] batch, ConcurrentDictionary<string, int> failures)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await grains.IngestAsync(batch);
                return;
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline)
            {
                // A producer retries the same events (same ids); the test records what it was told.
                failures.AddOrUpdate(RetryableIngestFailure.Is(ex, out _) ? ex.GetType().Name : $"not retryable: {ex}", 1, (_, n) => n + 1);
                await Task.Delay(250, Ct);
            }
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddLiveGrainsClusterProviders(new ClusterSettings { Postgres = siloBuilder.Configuration["TestPostgres"] });
            siloBuilder.Services.Configure<LiveGrainsOptions>(o =>
            {
                o.TickInterval = TimeSpan.FromMilliseconds(200);
                o.CheckpointInterval = TimeSpan.FromSeconds(1);
            });
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterSiloExtensions.Invariant, configuration["TestPostgres"]))
                .AddMemoryStreams(LiveStreams.Provider)
                .Services.AddStorageExceptionSerialization();
    }
}
