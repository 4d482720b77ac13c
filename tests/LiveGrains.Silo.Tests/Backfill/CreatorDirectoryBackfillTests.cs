using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Agencies;
using LiveGrains.Grains.Hosting;
using LiveGrains.Silo.Backfill;
using LiveGrains.Silo.Hosting;
using LiveGrains.Storage.Directory;
using LiveGrains.Storage.Hosting;
using LiveGrains.Silo.Tests.Support;
using LiveGrains.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LiveGrains.Silo.Tests.Backfill;

/// <summary>
/// A deployment upgraded from before the creator directory (migration 0004): creators and agencies are written by real
/// grains through the ADO.NET grain storage of a Postgres-backed silo, then the directory is emptied, as it was when
/// their state was stored, and the backfill has to bring them back.
/// </summary>
public sealed class CreatorDirectoryBackfillTests : IAsyncLifetime
{
    private const string Agency = "agency-bf";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PostgresClusterLifetime<SiloConfigurator> _postgres = new(1);

    public ValueTask InitializeAsync() => _postgres.InitializeAsync();

    public ValueTask DisposeAsync() => _postgres.DisposeAsync();

    private TestCluster Cluster => _postgres.Cluster;

    private PostgresDatabase Db => _postgres.Db;

    private PostgresCreatorDirectory Directory => new(Db.DataSource);

    [Fact]
    public async Task Creators_stored_before_the_directory_existed_are_found_after_start_up()
    {
        await StoreCreatorsAndAgencies();
        await ForgetTheDirectory();

        // Two silos starting at once: the second waits for the first one's run and finds it recorded.
        await Cluster.StartAdditionalSilosAsync(2, startAdditionalSiloOnNewPort: false, Ct);

        var found = await Search(Agency);
        found.Select(c => (c.CreatorId, c.Name, c.AvatarUrl, c.CreatorType)).ShouldBe([
            ("creator-alice", "Alice Stone", "https://img.example/alice.png", CreatorType.Affiliate),
            ("creator-nameless", "creator-nameless", null, CreatorType.Seller),
            ("1001", "Numeric Nora", null, CreatorType.Seller),
            ("00042", "Zero Zed", null, CreatorType.Affiliate),
        ]);
        (await Search(Agency, "alice")).Select(c => c.CreatorId).ShouldBe(["creator-alice"]);
        (await Search("2024")).Select(c => (c.CreatorId, c.Name)).ShouldBe([("c0ffee", "Hex Hal")]);
        (await AgencyNames()).ShouldBe([("2024", "Numbers Inc"), (Agency, "Backfill Agency")]);
        (await Scalar<long>("SELECT count(*) FROM backfills WHERE name = 'creator-directory'")).ShouldBe(1);
    }

    [Fact]
    public async Task The_migration_job_fills_the_directory_before_any_silo_starts()
    {
        await StoreCreatorsAndAgencies();
        await ForgetTheDirectory();

        await using var migrate = HostProcess.Start("migrate", BuiltHosts.SiloDll, new Dictionary<string, string?>
        {
            ["LiveGrains__Cluster__Postgres"] = Db.DataSource.ConnectionString,
            ["LiveGrains__Cluster__ServiceId"] = Cluster.Options.ServiceId,
            ["LiveGrains__Cluster__ClusterId"] = Cluster.Options.ClusterId,
        }, SiloCommandLine.MigrateOnly);
        (await migrate.WaitForExitAsync(ProcessTopology.ReadyTimeout, Ct)).ShouldBeTrue(migrate.Output);

        migrate.ExitCode.ShouldBe(0, migrate.Output);
        migrate.Output.ShouldContain("Creator directory backfill done");
        (await Search(Agency)).Select(c => c.CreatorId).ShouldBe(["creator-alice", "creator-nameless", "1001", "00042"]);
        (await Scalar<long>("SELECT count(*) FROM backfills WHERE name = 'creator-directory'")).ShouldBe(1);
    }

    [Fact]
    public async Task Creator_ids_that_Orleans_reads_as_numbers_come_back_spelled_exactly()
    {
        await StoreCreatorsAndAgencies();
        await ForgetTheDirectory();
        // What makes this hard: the storage row of creator "00042" holds the number 0x42 and no text at all.
        (await Scalar<string>("""
            SELECT grain_id_n0 || '/' || grain_id_n1 || '/' || grain_id_ext FROM orleans_grain_state
            WHERE grain_type = 'creator' AND grain_id_n1 = 66
            """)).ShouldBe("0/66/");

        var report = await Backfill();

        report.ShouldNotBeNull();
        (await Scalar<string>("""SELECT string_agg(creator_id, ',' ORDER BY creator_id COLLATE "C") FROM creators"""))
            .ShouldBe("00042,1001,c0ffee,creator-alice,creator-nameless,creator-solo");
        // "beef" is filed as a number, and no agency lists it (unbound): there is no telling "beef" from "BEEF" or "0beef".
        report.Skipped.ShouldBe(1);
        (await Directory.GetBindingsAsync("c0ffee", Ct)).Single().AgencyId.ShouldBe("2024");
    }

    [Fact]
    public async Task A_newer_directory_row_is_not_overwritten()
    {
        await StoreCreatorsAndAgencies();
        await ForgetTheDirectory();
        // Written through by grains after the upgrade, so newer than anything stored before it.
        await Directory.UpsertAgencyAsync(Agency, "Agency Renamed", Ct);
        await Directory.UpsertCreatorAsync("creator-alice", "Alice Renamed", null, CreatorType.Seller, Ct);
        await Directory.BindCreatorAsync("creator-alice", "agency-new", DateTimeOffset.UtcNow, Ct);

        await Backfill();

        (await AgencyNames()).ShouldContain((Agency, "Agency Renamed"));
        (await Search("agency-new")).Select(c => (c.CreatorId, c.Name, c.AvatarUrl, c.CreatorType))
            .ShouldBe([("creator-alice", "Alice Renamed", null, CreatorType.Seller)]);
        (await Directory.GetBindingsAsync("creator-alice", Ct)).Select(b => (b.AgencyId, b.UnboundAt)).ShouldBe([("agency-new", null)]);
        (await Search(Agency)).Select(c => c.CreatorId).ShouldBe(["creator-nameless", "1001", "00042"]);
    }

    [Fact]
    public async Task A_creator_the_directory_knows_only_by_id_gets_its_stored_profile()
    {
        await StoreCreatorsAndAgencies();
        await ForgetTheDirectory();
        // A bind after the upgrade writes the creator and agency with their ids as names; their profiles predate it.
        var boundAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        await Directory.BindCreatorAsync("creator-alice", Agency, boundAt, Ct);

        var report = await Backfill();

        (report!.CreatorProfilesFilled, report.AgencyNamesFilled).ShouldBe((1, 1));
        (await Search(Agency, "alice")).Single().ShouldBe(
            new CreatorProfile("creator-alice", "Alice Stone", "https://img.example/alice.png", CreatorType.Affiliate, Agency, null));
        (await AgencyNames()).ShouldContain((Agency, "Backfill Agency"));
        var binding = (await Directory.GetBindingsAsync("creator-alice", Ct)).Single();
        (binding.AgencyId, binding.UnboundAt).ShouldBe((Agency, null));
        binding.BoundAt.ShouldBe(boundAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Running_the_backfill_twice_changes_nothing()
    {
        await StoreCreatorsAndAgencies();
        await ForgetTheDirectory();
        var first = await Backfill();
        var afterFirst = await DirectoryRows();

        var second = await Backfill();
        await Execute("DELETE FROM backfills");
        var forced = await Backfill();

        first.ShouldNotBeNull();
        (first.AgenciesAdded, first.CreatorsAdded, first.BindingsAdded).ShouldBe((2, 6, 5));
        second.ShouldBeNull();
        forced.ShouldNotBeNull();
        (forced.AgenciesAdded, forced.AgencyNamesFilled, forced.CreatorsAdded, forced.CreatorProfilesFilled, forced.BindingsAdded)
            .ShouldBe((0, 0, 0, 0, 0));
        (await DirectoryRows()).ShouldBe(afterFirst);
    }

    [Fact]
    public async Task Silos_that_backfill_at_the_same_time_do_it_once()
    {
        await StoreCreatorsAndAgencies();
        await ForgetTheDirectory();

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Backfill()));

        reports.Count(r => r is not null).ShouldBe(1);
        (await Scalar<long>("SELECT count(*) FROM backfills")).ShouldBe(1);
        (await Scalar<long>("SELECT count(*) FROM creator_bindings")).ShouldBe(5);
    }

    // Two agencies, one with a number for id; creators with plain, numeric and hex-looking ids; one bound before it ever
    // set a profile, one never bound, and one never bound with an id no agency spells.
    private async Task StoreCreatorsAndAgencies()
    {
        var grains = Cluster.Client;
        await grains.GetGrain<IAgencyGrain>(Agency).Rename("Backfill Agency");
        await grains.GetGrain<IAgencyGrain>("2024").Rename("Numbers Inc");
        await Creator("creator-alice", "Alice Stone", "https://img.example/alice.png", CreatorType.Affiliate, Agency);
        await Creator("1001", "Numeric Nora", null, CreatorType.Seller, Agency);
        await Creator("00042", "Zero Zed", null, CreatorType.Affiliate, Agency);
        await Creator("c0ffee", "Hex Hal", null, CreatorType.Seller, "2024");
        await Creator("creator-solo", "Solo Sam", null, CreatorType.Seller, null);
        await Creator("beef", "Unlisted Una", null, CreatorType.Seller, null);
        (await grains.GetGrain<ICreatorGrain>("creator-nameless").BindAgency(Agency)).Succeeded.ShouldBeTrue();
        await ListCreatorsInAgencyStates((Agency, ["creator-alice", "1001", "00042", "creator-nameless"]), ("2024", ["c0ffee"]));

        async Task Creator(string id, string name, string? avatar, CreatorType type, string? agencyId)
        {
            var creator = grains.GetGrain<ICreatorGrain>(id);
            (await creator.SetProfile(name, avatar, type)).Succeeded.ShouldBeTrue();
            if (agencyId is not null) (await creator.BindAgency(agencyId)).Succeeded.ShouldBeTrue();
        }
    }

    // Builds from before the directory kept the profile of each bound creator in its agency's state, and that is where
    // the backfill finds the exact spelling of creator ids filed as numbers. Agencies no longer write it: write it here,
    // through the silo's grain storage, as those builds did.
    private async Task ListCreatorsInAgencyStates(params (string AgencyId, string[] CreatorIds)[] agencies)
    {
        var storage = Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        foreach (var (agencyId, creatorIds) in agencies)
        {
            var grainId = Cluster.Client.GetGrain<IAgencyGrain>(agencyId).GetGrainId();
            var stored = new GrainState<AgencyState>(new AgencyState());
            await storage.ReadStateAsync(StorageNames.AgencyState, grainId, stored);
            var state = stored.State ?? new AgencyState();
            foreach (var creatorId in creatorIds) state.Creators[creatorId] = await Cluster.Client.GetGrain<ICreatorGrain>(creatorId).GetProfile();
            stored.State = state;
            await storage.WriteStateAsync(StorageNames.AgencyState, grainId, stored);
        }
    }

    // The directory as a deployment from before migration 0004 has it after migrating: empty, and never backfilled.
    private Task ForgetTheDirectory() => Execute("DELETE FROM creator_bindings; DELETE FROM creators; DELETE FROM agencies; DELETE FROM backfills");

    // Small chunks, so that a handful of states already spans several of them.
    private Task<DirectoryBackfillReport?> Backfill()
    {
        var services = Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services;
        var backfill = new CreatorDirectoryBackfill(
            new DirectoryBackfillStore(Db.DataSource) { ChunkSize = 2 },
            services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>(),
            services.GetRequiredService<IOptions<ClusterOptions>>(),
            services.GetRequiredService<ILogger<CreatorDirectoryBackfill>>());
        return backfill.RunAsync(Ct);
    }

    private async Task<IReadOnlyList<CreatorProfile>> Search(string agencyId, string? term = null) =>
        (await Directory.SearchCreatorsAsync(new CreatorSearch(agencyId, term), Ct)).Items;

    private async Task<List<(string, string)>> AgencyNames()
    {
        await using var command = Db.DataSource.CreateCommand("SELECT agency_id, name FROM agencies ORDER BY agency_id COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(Ct)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    private Task<string> DirectoryRows() => Scalar<string>("""
        SELECT coalesce(string_agg(r, E'\n' ORDER BY r), '') FROM (
            SELECT format('agency %s %s %s', agency_id, name, updated_at) AS r FROM agencies
            UNION ALL SELECT format('creator %s %s %s %s %s', creator_id, name, avatar_url, creator_type, updated_at) FROM creators
            UNION ALL SELECT format('binding %s %s %s %s', creator_id, agency_id, bound_at, unbound_at) FROM creator_bindings) rows
        """);

    private async Task<T> Scalar<T>(string sql)
    {
        await using var command = Db.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task Execute(string sql)
    {
        await using var command = Db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddLiveGrainsClusterProviders(new ClusterSettings { Postgres = siloBuilder.Configuration[PostgresTestCluster.ConnectionKey] });
    }
}
