using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.History;
using LiveGrains.Grains.Hosting;
using LiveGrains.Silo.Hosting;
using LiveGrains.Storage.Hosting;
using LiveGrains.Storage.History;
using LiveGrains.Silo.Tests.Support;
using LiveGrains.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;

namespace LiveGrains.Silo.Tests;

/// <summary>
/// Two in-process silos on the throwaway Postgres: membership, grain state, reminders and history through our own schema.
/// </summary>
public sealed class PostgresClusterTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PostgresClusterLifetime<SiloConfigurator> _postgres = new(2);

    public ValueTask InitializeAsync() => _postgres.InitializeAsync();

    public ValueTask DisposeAsync() => _postgres.DisposeAsync();

    private TestCluster Cluster => _postgres.Cluster;

    private PostgresDatabase Db => _postgres.Db;

    [Fact]
    public async Task Two_silos_form_a_cluster_through_postgres_membership()
    {
        // The management grain offers no cancellable overload; the wait is bounded by the test's token instead.
#pragma warning disable xUnit1051
        var hosts = await Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Ct);
#pragma warning restore xUnit1051
        hosts.Count.ShouldBe(2);
        await using var rows = Db.DataSource.CreateCommand("SELECT count(*) FROM orleans_membership WHERE status = 3");
        ((long)(await rows.ExecuteScalarAsync(Ct))!).ShouldBe(2);
    }

    [Fact]
    public async Task Live_state_round_trips_through_the_adonet_grain_storage_and_accepted_events_are_in_the_event_log()
    {
        var grain = Cluster.Client.GetGrain<ILiveSessionGrain>("7300000000000000777");
        var start = DateTimeOffset.UtcNow.AddMinutes(-3);
        LiveEvent E(string id, LiveEventData data) => new(id, "7300000000000000777", "creator-pg", start, data);
        var batch = new[] { E("a", new OrderPaid("o1", "p1", "b1", 2, 19.99m, "USD", true)), E("b", new LikesReceived(7)) };
        (await grain.Ingest(batch)).Accepted.ShouldBe(2);

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        await Task.Delay(500, Ct);

        var counters = (await grain.GetDashboard())!.Counters;
        (counters.Gmv, counters.Orders, counters.Likes).ShouldBe((19.99m, 1L, 7L));
        (await grain.Ingest(batch)).Duplicates.ShouldBe(2);
        await using var rows = Db.DataSource.CreateCommand("SELECT count(*) FROM orleans_grain_state WHERE grain_type = 'live' AND payload IS NOT NULL");
        ((long)(await rows.ExecuteScalarAsync(Ct))!).ShouldBeGreaterThanOrEqualTo(1);
        await using var logged = Db.DataSource.CreateCommand("SELECT string_agg(event_id || '#' || seq, ',' ORDER BY seq) FROM live_event_log WHERE live_id = '7300000000000000777'");
        ((string)(await logged.ExecuteScalarAsync(Ct))!).ShouldBe("a#1,b#2");
    }

    [Fact]
    public async Task A_finished_live_is_written_to_the_postgres_history()
    {
        var grains = Cluster.Client;
        await grains.GetGrain<ICreatorGrain>("creator-hist").BindAgency("agency-pg");
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        LiveEvent E(string id, TimeSpan at, LiveEventData data) => new(id, "7300000000000000888", "creator-hist", start + at, data);
        await grains.GetGrain<ILiveSessionGrain>("7300000000000000888").Ingest([
            E("s", TimeSpan.Zero, new LiveStarted("Postgres show", CreatorType.Seller)),
            E("o", TimeSpan.FromMinutes(5), new OrderPaid("o1", "p1", "b1", 1, 42.42m, "USD", false)),
            E("e", TimeSpan.FromMinutes(20), new LiveEnded(LiveEndReason.Ended)),
        ]);

        var store = new PostgresLiveHistoryStore(Db.DataSource);
        Page<LiveGrains.Contracts.Views.LiveSummary>? page = null;
        for (var i = 0; i < 100 && (page = await store.QueryAsync(new HistoryQuery("agency-pg"), Ct)).Total == 0; i++) await Task.Delay(100, Ct);
        page!.Items.Single().Counters.Gmv.ShouldBe(42.42m);
        page.Items.Single().Metrics["duration"].ShouldBe(1200m);
    }

    [Fact]
    public async Task Reminder_rows_round_trip_through_the_adonet_reminder_provider()
    {
        var silo = Cluster.Silos.OfType<InProcessSiloHandle>().First();
        var table = silo.SiloHost.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminder-test", "g1");
        var hash = grainId.GetUniformHashCode();
        var start = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        ReminderEntry Entry(string name, TimeSpan period) => new() { GrainId = grainId, ReminderName = name, StartAt = start, Period = period };

        var firstTag = (await table.UpsertRow(Entry("r1", TimeSpan.FromMinutes(1)), Ct))!;
        // Longer than int.MaxValue milliseconds, so the provider binds the period as a bigint.
        var secondTag = (await table.UpsertRow(Entry("r1", TimeSpan.FromDays(30)), Ct))!;
        await table.UpsertRow(Entry("r2", TimeSpan.FromMinutes(2)), Ct);

        secondTag.ShouldNotBe(firstTag);
        var read = (await table.ReadRow(grainId, "r1", Ct))!;
        (read.GrainId, read.ReminderName, read.StartAt, read.Period).ShouldBe((grainId, "r1", start, TimeSpan.FromDays(30)));
        read.StartAt.Kind.ShouldBe(DateTimeKind.Utc);
        read.ETag.ShouldBe(secondTag);
        (await table.ReadRows(grainId, Ct)).Reminders.Select(r => r.ReminderName).Order().ShouldBe(["r1", "r2"]);
        (await table.ReadRow(grainId, "missing", Ct)).ShouldBeNull();

        // The ring slice (begin, end]: one that holds the grain's hash, one just past it, and one that wraps around.
        (await table.ReadRows(hash - 1, hash, Ct)).Reminders.Count.ShouldBe(2);
        (await table.ReadRows(hash, hash + 1, Ct)).Reminders.ShouldBeEmpty();
        (await table.ReadRows(hash + 1, hash, Ct)).Reminders.Count.ShouldBe(2);

        (await table.RemoveRow(grainId, "r1", firstTag, Ct)).ShouldBeFalse();
        (await table.RemoveRow(grainId, "r1", secondTag, Ct)).ShouldBeTrue();
        (await table.ReadRows(grainId, Ct)).Reminders.Select(r => r.ReminderName).ShouldBe(["r2"]);
    }

    [Fact]
    public async Task A_live_on_air_holds_a_row_in_the_postgres_reminder_table_until_it_ends()
    {
        var grains = Cluster.Client;
        await grains.GetGrain<ICreatorGrain>("creator-remind").BindAgency("agency-remind");
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        LiveEvent E(string id, TimeSpan at, LiveEventData data) => new(id, "7300000000000000999", "creator-remind", start + at, data);
        var live = grains.GetGrain<ILiveSessionGrain>("7300000000000000999");
        await live.Ingest([E("s", TimeSpan.Zero, new LiveStarted("Reminded show", CreatorType.Seller))]);

        await Eventually(async () => await RemindersOf(live.GetGrainId()) == 1, "the on-air reminder row");
        await live.Ingest([E("e", TimeSpan.FromMinutes(5), new LiveEnded(LiveEndReason.Ended))]);

        await Eventually(async () => await RemindersOf(live.GetGrainId()) == 0, "the reminder row removed");
    }

    private async Task<long> RemindersOf(GrainId grainId)
    {
        await using var rows = Db.DataSource.CreateCommand("SELECT count(*) FROM orleans_reminders WHERE grain_id = @id AND reminder_name = 'on-air'");
        rows.Parameters.AddWithValue("id", grainId.ToString());
        return (long)(await rows.ExecuteScalarAsync(Ct))!;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition()) return;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"Still waiting for {what} after 30 s.");
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var settings = new ClusterSettings { Postgres = siloBuilder.Configuration[PostgresTestCluster.ConnectionKey] };
            siloBuilder.AddLiveGrainsClusterProviders(settings);
            siloBuilder.Services.Configure<LiveGrainsOptions>(o =>
            {
                o.TickInterval = TimeSpan.FromMilliseconds(100);
                // A LIVE retries a failed reminder registration after a heartbeat (as when the silo is still starting).
                o.HeartbeatInterval = TimeSpan.FromSeconds(1);
            });
        }
    }
}
