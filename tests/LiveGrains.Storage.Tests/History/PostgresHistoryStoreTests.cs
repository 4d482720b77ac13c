using System.Text.Json;
using System.Text.Json.Nodes;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Json;
using LiveGrains.Storage.History;
using LiveGrains.Storage.Schema;
using LiveGrains.Storage.Tests.Support;
using Npgsql;

namespace LiveGrains.Storage.Tests.History;

public sealed class PostgresHistoryStoreTests : HistoryStoreContract, IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    protected override async Task<ILiveHistoryStore> Store()
    {
        PostgresDatabase.SkipUnlessConfigured();
        await new SchemaMigrator(_db.DataSource).MigrateAsync(TestContext.Current.CancellationToken);
        return new PostgresLiveHistoryStore(_db.DataSource);
    }

    [Fact]
    public async Task Trends_products_and_violations_are_tables_that_sql_can_aggregate()
    {
        var store = await Store();
        await store.SaveAsync(Detailed("S1"), Ct);
        await store.SaveAsync(Detailed("W1", events: 20), Ct);

        (await Rows("""
            SELECT h.live_id, count(v.violation_id) FROM live_history h
            LEFT JOIN live_history_violation v ON v.live_id = h.live_id AND v.action = 'suspension'
            GROUP BY h.live_id ORDER BY h.live_id
            """, r => (r.GetString(0), r.GetInt64(1)))).ShouldBe([("S1", 1L), ("W1", 0L)]);
        (await Rows("SELECT sum(gmv), sum(items_sold), count(*) FROM live_history_product WHERE product_id = 'p1'",
            r => (r.GetDecimal(0), r.GetInt64(1), r.GetInt64(2)))).ShouldBe([(79.60m, 4L, 2L)]);
        // Per-minute views, and a trendable ratio (average order value) derived in SQL from the minute's counters.
        (await Rows("""
            SELECT extract(epoch FROM minute - h.started_at)::int / 60, t.views, round(t.gmv / nullif(t.orders, 0), 2)
            FROM live_history_trend t JOIN live_history h USING (live_id) WHERE live_id = 'S1' ORDER BY minute
            """, r => (r.GetInt32(0), r.GetInt64(1), r.IsDBNull(2) ? (decimal?)null : r.GetDecimal(2))))
            .ShouldBe([(0, 2L, null), (1, 0L, 22.65m), (2, 1L, null), (3, 0L, null)]);
    }

    [Fact]
    public async Task Deleting_a_history_row_deletes_its_details()
    {
        var store = await Store();
        await store.SaveAsync(Detailed("GONE"), Ct);

        await using (var delete = _db.DataSource.CreateCommand("DELETE FROM live_history WHERE live_id = 'GONE'"))
        {
            await delete.ExecuteNonQueryAsync(Ct);
        }

        (await Rows("""
            SELECT (SELECT count(*) FROM live_history_trend) + (SELECT count(*) FROM live_history_product)
                + (SELECT count(*) FROM live_history_promotion) + (SELECT count(*) FROM live_history_violation)
                + (SELECT count(*) FROM live_history_comment)
            """, r => r.GetInt64(0))).ShouldBe([0L]);
    }

    [Fact]
    public async Task Dashboards_stored_before_the_details_migration_are_moved_into_the_tables()
    {
        PostgresDatabase.SkipUnlessConfigured();
        foreach (var (_, _, sql) in SchemaMigrator.Migrations.Where(m => m.Version < 6)) await Execute(sql);
        var record = Detailed("OLD");
        await InsertAsBeforeDetails(record);

        await Execute(SchemaMigrator.Migrations.Single(m => m.Version == 6).Sql);

        ShouldBeTheSame((await new PostgresLiveHistoryStore(_db.DataSource).GetDashboardAsync("OLD", Ct))!, record.Dashboard);
    }

    // The row as the store wrote it up to migration 5: counters as columns, summary and whole dashboard as jsonb.
    private async Task InsertAsBeforeDetails(LiveHistoryRecord record)
    {
        var s = record.Summary;
        var row = JsonSerializer.SerializeToNode(s.Counters, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!.AsObject();
        row["live_id"] = s.LiveId;
        row["agency_id"] = s.AgencyId;
        row["creator_id"] = s.CreatorId;
        row["creator_name"] = s.CreatorName;
        row["creator_type"] = JsonSerializer.SerializeToNode(s.CreatorType, LiveJson.Options);
        row["title"] = s.Title;
        row["status"] = JsonSerializer.SerializeToNode(s.Status, LiveJson.Options);
        row["started_at"] = s.StartedAt;
        row["ended_at"] = s.EndedAt;
        row["currency"] = s.Currency;
        row["summary"] = JsonSerializer.SerializeToNode(s, LiveJson.Options);
        row["dashboard"] = JsonSerializer.SerializeToNode(record.Dashboard, LiveJson.Options);
        row["written_at"] = DateTimeOffset.UtcNow;
        await using var insert = _db.DataSource.CreateCommand("INSERT INTO live_history SELECT * FROM jsonb_populate_record(null::live_history, @row::jsonb)");
        insert.Parameters.AddWithValue("row", row.ToJsonString());
        await insert.ExecuteNonQueryAsync(Ct);
    }

    private async Task Execute(string sql)
    {
        await using var command = _db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<List<T>> Rows<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = _db.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(Ct)) rows.Add(read(reader));
        return rows;
    }
}
