using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Events;
using LiveGrains.Storage.EventLog;
using LiveGrains.Storage.Schema;
using LiveGrains.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LiveGrains.Storage.Tests.EventLog;

public sealed class PostgresLiveEventLogTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-20);
    private readonly PostgresDatabase _db = new();

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        if (!string.IsNullOrEmpty(PostgresDatabase.AdminConnectionString)) await new SchemaMigrator(_db.DataSource).MigrateAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static PostgresLiveEventLog NewLog(NpgsqlDataSource dataSource) =>
        new(dataSource, Options.Create(new EventLogOptions()), TimeProvider.System, NullLogger<PostgresLiveEventLog>.Instance);

    private static SequencedEvents Events(string liveId, long firstSequence, int count) =>
        new(firstSequence, Enumerable.Range(0, count).Select(i =>
        {
            var sequence = firstSequence + i;
            LiveEventData data = i % 2 == 0
                ? new OrderPaid($"o{sequence}", "p1", "b1", 1, 9.99m + sequence, "USD", sequence % 3 == 0)
                : new CommentPosted("v1", "Ann", $"comment {sequence} with \"quotes\" and ünïcode");
            return new LiveEvent($"{liveId}-e{sequence}", liveId, "creator-log", Start.AddSeconds(sequence), data);
        }).ToList());

    private async Task<long> Scalar(string sql)
    {
        await using var command = _db.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Appended_events_read_back_in_sequence_order_with_their_envelopes_intact()
    {
        PostgresDatabase.SkipUnlessConfigured();
        await using var log = NewLog(_db.DataSource);
        var first = Events("7500000000000000001", 1, 3);
        var second = Events("7500000000000000001", 4, 4);

        await log.AppendAsync("7500000000000000001", first, Ct);
        await log.AppendAsync("7500000000000000001", second, Ct);

        var all = await log.ReadAfterAsync("7500000000000000001", 0, Ct).ToListAsync(Ct);
        all.ShouldBe(first.Logged().Concat(second.Logged()));
        var after = await log.ReadAfterAsync("7500000000000000001", 5, Ct).ToListAsync(Ct);
        after.Select(e => e.Sequence).ShouldBe([6L, 7L]);
        (await log.ReadAfterAsync("7500000000000000999", 0, Ct).ToListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_appends_of_many_lives_are_each_written_exactly_once()
    {
        PostgresDatabase.SkipUnlessConfigured();
        await using var log = NewLog(_db.DataSource);
        const int lives = 50, appendsPerLive = 10, eventsPerAppend = 5;

        await Task.WhenAll(Enumerable.Range(0, lives).Select(async l =>
        {
            var liveId = $"76{l:D17}";
            for (var a = 0; a < appendsPerLive; a++) await log.AppendAsync(liveId, Events(liveId, 1 + a * eventsPerAppend, eventsPerAppend), Ct);
        }));

        (await Scalar("SELECT count(*) FROM live_event_log")).ShouldBe(lives * appendsPerLive * eventsPerAppend);
        (await Scalar("SELECT count(DISTINCT (live_id, seq)) FROM live_event_log")).ShouldBe(lives * appendsPerLive * eventsPerAppend);
        (await Scalar("SELECT count(*) FROM (SELECT live_id FROM live_event_log GROUP BY live_id HAVING max(seq) = 50 AND min(seq) = 1) t")).ShouldBe(lives);
    }

    [Fact]
    public async Task Rows_land_in_the_partition_of_the_day_they_were_accepted()
    {
        PostgresDatabase.SkipUnlessConfigured();
        await using var log = NewLog(_db.DataSource);
        await log.AppendAsync("7500000000000000002", Events("7500000000000000002", 1, 4), Ct);

        var today = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        (await Scalar($"SELECT count(*) FROM live_event_log_{today}")).ShouldBe(4);
        (await Scalar("SELECT count(*) FROM live_event_log_default")).ShouldBe(0);
        (await Scalar("SELECT count(*) FROM pg_inherits WHERE inhparent = 'live_event_log'::regclass")).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task An_unreachable_database_fails_the_append_with_a_retryable_error()
    {
        // A port nobody listens on: the same failure as a stopped Postgres.
        var unreachable = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = 1, Username = "nobody", Timeout = 2 };
        await using var dataSource = NpgsqlDataSource.Create(unreachable.ConnectionString);
        await using var log = NewLog(dataSource);

        var failure = await Should.ThrowAsync<IngestUnavailableException>(() => log.AppendAsync("7500000000000000003", Events("7500000000000000003", 1, 2), Ct));

        failure.RetryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
        failure.Message.ShouldContain("retry with the same event ids");
        failure.InnerException.ShouldNotBeNull();
    }
}
