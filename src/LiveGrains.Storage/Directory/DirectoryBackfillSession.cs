using System.Text.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Json;
using LiveGrains.Storage.Schema;
using Npgsql;
using NpgsqlTypes;

namespace LiveGrains.Storage.Directory;

/// <summary>
/// One run of the creator directory backfill. It holds the backfill lock on its own connection and goes through the
/// stored agency states, then the creator states, one chunk per transaction: the caller deserializes each chunk, and
/// the directory rows the states imply are written where the directory lacks them. <see cref="CompleteAsync"/> records
/// the run; disposing the session lets go of the lock.
/// </summary>
/// <remarks>
/// Nothing a grain wrote from its state is overwritten. Missing rows are inserted; the only rows changed are those a
/// bind creates from an id alone (name = id, and for a creator no avatar and the default type), which get the stored
/// name and profile. A creator's binding is added only when the directory holds no binding row of that creator at all: any
/// row means a bind or unbind since migration 0004, which is newer than what was stored before it.
/// A chunk of creators is read FOR SHARE and held until it commits, which keeps bindings right while other silos run:
/// a creator that binds or unbinds meanwhile waits to write its state, and its write-through, which follows its state,
/// lands after the backfill and wins. Inserts and filled-in names need no such lock: a grain's upsert wins whether it
/// comes before them (they find a row, or no placeholder) or after.
/// </remarks>
public sealed class DirectoryBackfillSession : IAsyncDisposable
{
    // Keyset paging in the order of the table's primary key (whose leading service_id and, between the key columns,
    // grain_type are fixed here), so each chunk starts where the last ended without scanning the rows before it.
    private static string ReadChunk(bool first, bool lockRows) => $"""
        SELECT grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_ext, modified_at, payload
        FROM orleans_grain_state
        WHERE service_id = @service AND grain_type = @state AND payload IS NOT NULL
        {(first ? "" : "AND (grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_ext) > (@type_hash, @id_hash, @n0, @n1, @state, @ext)")}
        ORDER BY grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_ext
        LIMIT @limit
        {(lockRows ? "FOR SHARE" : "")}
        """;

    private const string AgencyRows = """
        CREATE TEMP TABLE backfill_agencies (agency_id text NOT NULL, name text NOT NULL) ON COMMIT DROP
        """;

    private const string FillAgencyRows = """
        INSERT INTO backfill_agencies (agency_id, name) SELECT * FROM unnest(@ids::text[], @names::text[])
        """;

    // A bind names an agency it has not heard of by its id; the stored name replaces that.
    private const string FillAgencyNames = """
        UPDATE agencies a SET name = e.name, updated_at = now()
        FROM backfill_agencies e
        WHERE a.agency_id = e.agency_id AND a.name = a.agency_id AND e.name <> e.agency_id
        """;

    private const string AddAgencies = """
        INSERT INTO agencies (agency_id, name) SELECT agency_id, name FROM backfill_agencies
        ON CONFLICT (agency_id) DO NOTHING
        """;

    private const string CreatorRows = """
        CREATE TEMP TABLE backfill_creators (
            creator_id text NOT NULL, name text NOT NULL, avatar_url text, creator_type text NOT NULL, agency_id text,
            state_written_at timestamptz NOT NULL) ON COMMIT DROP
        """;

    private const string FillCreatorRows = """
        INSERT INTO backfill_creators (creator_id, name, avatar_url, creator_type, agency_id, state_written_at)
        SELECT * FROM unnest(@ids::text[], @names::text[], @avatars::text[], @types::text[], @agencies::text[], @written::timestamptz[])
        """;

    // An agency a binding names must exist; as a bind does, it gets its id as name until the agency's name is known.
    private const string AddBoundAgencies = """
        INSERT INTO agencies (agency_id, name) SELECT DISTINCT agency_id, agency_id FROM backfill_creators WHERE agency_id IS NOT NULL
        ON CONFLICT (agency_id) DO NOTHING
        """;

    private const string FillCreatorProfiles = """
        UPDATE creators c SET name = e.name, avatar_url = e.avatar_url, creator_type = e.creator_type, updated_at = now()
        FROM backfill_creators e
        WHERE c.creator_id = e.creator_id AND c.name = c.creator_id AND c.avatar_url IS NULL AND c.creator_type = @placeholder_type
          AND (e.name, e.avatar_url, e.creator_type) IS DISTINCT FROM (c.name, c.avatar_url, c.creator_type)
        """;

    private const string AddCreators = """
        INSERT INTO creators (creator_id, name, avatar_url, creator_type)
        SELECT creator_id, name, avatar_url, creator_type FROM backfill_creators
        ON CONFLICT (creator_id) DO NOTHING
        """;

    // When the binding began was not stored; the last write of the creator's state is the earliest time it is known.
    private const string AddBindings = """
        INSERT INTO creator_bindings (creator_id, agency_id, bound_at)
        SELECT e.creator_id, e.agency_id, e.state_written_at FROM backfill_creators e
        WHERE e.agency_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM creator_bindings b WHERE b.creator_id = e.creator_id)
        ON CONFLICT (creator_id) WHERE unbound_at IS NULL DO NOTHING
        """;

    private readonly NpgsqlConnection _connection;
    private readonly int _chunkSize;
    private bool _locked;
    private int _agencyStates, _creatorStates, _skipped, _agenciesAdded, _agencyNamesFilled, _creatorsAdded, _creatorProfilesFilled, _bindingsAdded;

    internal DirectoryBackfillSession(NpgsqlConnection connection, int chunkSize)
    {
        _connection = connection;
        _chunkSize = chunkSize;
    }

    /// <summary>
    /// Adds the agencies of the stored states of <paramref name="stateName"/> under <paramref name="serviceId"/>.
    /// <paramref name="decode"/> turns a state into its agency, or null to skip it.
    /// </summary>
    public Task AddMissingAgenciesAsync(string serviceId, string stateName, Func<StoredGrainState, BackfilledAgency?> decode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decode);
        return ForEachChunkAsync(serviceId, stateName, lockRows: false, async (states, transaction) =>
        {
            var agencies = Decode(states, decode).Select(a => a.Entry).ToList();
            _agencyStates += states.Count;
            await using var batch = new NpgsqlBatch(_connection, transaction);
            Add(batch, AgencyRows);
            Add(batch, FillAgencyRows, ("ids", agencies.Select(a => a.AgencyId).ToArray()), ("names", agencies.Select(a => a.Name).ToArray()));
            var named = Add(batch, FillAgencyNames);
            var added = Add(batch, AddAgencies);
            await batch.ExecuteNonQueryAsync(cancellationToken);
            _agencyNamesFilled += named.RecordsAffected;
            _agenciesAdded += added.RecordsAffected;
        }, cancellationToken);
    }

    /// <summary>
    /// Adds the creators and bindings of the stored states of <paramref name="stateName"/> under <paramref name="serviceId"/>.
    /// <paramref name="decode"/> turns a state into its creator, or null to skip it.
    /// </summary>
    public Task AddMissingCreatorsAsync(string serviceId, string stateName, Func<StoredGrainState, BackfilledCreator?> decode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decode);
        return ForEachChunkAsync(serviceId, stateName, lockRows: true, async (states, transaction) =>
        {
            var creators = Decode(states, decode);
            _creatorStates += states.Count;
            await using var batch = new NpgsqlBatch(_connection, transaction);
            Add(batch, CreatorRows);
            Add(batch, FillCreatorRows,
                ("ids", creators.Select(c => c.Entry.CreatorId).ToArray()),
                ("names", creators.Select(c => c.Entry.Name).ToArray()),
                ("avatars", creators.Select(c => c.Entry.AvatarUrl).ToArray()),
                ("types", creators.Select(c => WireNames.Of(c.Entry.CreatorType)).ToArray()),
                ("agencies", creators.Select(c => c.Entry.AgencyId).ToArray()),
                ("written", creators.Select(c => c.State.WrittenAt.ToUniversalTime()).ToArray()));
            // The order a bind writes in (agency, creator, binding), so a bind running meanwhile and this cannot deadlock.
            var agencies = Add(batch, AddBoundAgencies);
            var filled = Add(batch, FillCreatorProfiles, ("placeholder_type", WireNames.Of(default(CreatorType))));
            var added = Add(batch, AddCreators);
            var bindings = Add(batch, AddBindings);
            await batch.ExecuteNonQueryAsync(cancellationToken);
            _agenciesAdded += agencies.RecordsAffected;
            _creatorProfilesFilled += filled.RecordsAffected;
            _creatorsAdded += added.RecordsAffected;
            _bindingsAdded += bindings.RecordsAffected;
        }, cancellationToken);
    }

    /// <summary>Records the backfill as done, so later starts skip it, and returns what it did.</summary>
    public async Task<DirectoryBackfillReport> CompleteAsync(CancellationToken cancellationToken)
    {
        var report = new DirectoryBackfillReport(_agencyStates, _creatorStates, _skipped, _agenciesAdded, _agencyNamesFilled,
            _creatorsAdded, _creatorProfilesFilled, _bindingsAdded);
        await using var command = new NpgsqlCommand("""
            INSERT INTO backfills (name, summary) VALUES (@name, @summary) ON CONFLICT (name) DO NOTHING
            """, _connection);
        command.Parameters.AddWithValue("name", DirectoryBackfillStore.Name);
        command.Parameters.Add(new NpgsqlParameter("summary", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(report) });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return report;
    }

    /// <summary>Lets go of the lock and the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_locked)
        {
            _locked = false;
            try
            {
                await Execute($"SELECT pg_advisory_unlock({SchemaMigrator.LockKey})", CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // A broken connection: closing it ends the session, and the lock with it.
            }
        }
        await _connection.DisposeAsync();
    }

    /// <summary>Waits for the lock; returns whether the backfill is already recorded.</summary>
    internal async Task<bool> LockAndCheckRecordedAsync(CancellationToken cancellationToken)
    {
        await Execute($"SELECT pg_advisory_lock({SchemaMigrator.LockKey})", cancellationToken);
        _locked = true;
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM backfills WHERE name = @name)", _connection);
        command.Parameters.AddWithValue("name", DirectoryBackfillStore.Name);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ForEachChunkAsync(
        string serviceId, string stateName, bool lockRows, Func<List<StoredGrainState>, NpgsqlTransaction, Task> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stateName);
        (int TypeHash, int IdHash, long N0, long N1, string Ext)? after = null;
        while (true)
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
            var chunk = new List<StoredGrainState>(_chunkSize);
            await using (var read = new NpgsqlCommand(ReadChunk(after is null, lockRows), _connection, transaction))
            {
                read.Parameters.AddWithValue("service", serviceId);
                read.Parameters.AddWithValue("state", stateName);
                read.Parameters.AddWithValue("limit", _chunkSize);
                if (after is var (typeHash, idHash, n0, n1, ext))
                {
                    read.Parameters.AddWithValue("type_hash", typeHash);
                    read.Parameters.AddWithValue("id_hash", idHash);
                    read.Parameters.AddWithValue("n0", n0);
                    read.Parameters.AddWithValue("n1", n1);
                    read.Parameters.AddWithValue("ext", ext);
                }
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    after = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4));
                    chunk.Add(new StoredGrainState(reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4),
                        reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<byte[]>(6)));
                }
            }
            if (chunk.Count == 0) return;
            await write(chunk, transaction);
            await transaction.CommitAsync(cancellationToken);
            if (chunk.Count < _chunkSize) return;
        }
    }

    private List<(StoredGrainState State, T Entry)> Decode<T>(List<StoredGrainState> states, Func<StoredGrainState, T?> decode) where T : class
    {
        var entries = new List<(StoredGrainState, T)>(states.Count);
        foreach (var state in states)
        {
            if (decode(state) is { } entry) entries.Add((state, entry));
            else _skipped++;
        }
        return entries;
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        batch.BatchCommands.Add(command);
        return command;
    }

    private async Task Execute(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
