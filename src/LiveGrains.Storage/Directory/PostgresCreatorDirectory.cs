using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;
using Npgsql;
using NpgsqlTypes;

namespace LiveGrains.Storage.Directory;

/// <summary>
/// The creator directory on Postgres (tables of migration 0004). Every write is an upsert or a conditional update, so
/// repeating one is harmless; a bind runs as one batch (one implicit transaction), so the old binding closes and the
/// new one opens together.
/// </summary>
public sealed class PostgresCreatorDirectory(NpgsqlDataSource dataSource) : ICreatorDirectory
{
    // Bindings may name a creator or agency that was never written (a bind before any profile): they get their id as
    // name, which a later upsert replaces, and the creator the default type, as its grain reports it.
    private const string EnsureAgency = "INSERT INTO agencies (agency_id, name) VALUES (@agency, @agency) ON CONFLICT (agency_id) DO NOTHING";
    private const string EnsureCreator = "INSERT INTO creators (creator_id, name, creator_type) VALUES (@creator, @creator, @type) ON CONFLICT (creator_id) DO NOTHING";

    // greatest(): silo clocks may disagree a little, and a binding never ends before it began.
    private const string CloseOther = """
        UPDATE creator_bindings SET unbound_at = greatest(@at, bound_at)
        WHERE creator_id = @creator AND unbound_at IS NULL AND agency_id <> @agency
        """;

    // After CloseOther, an open row of this creator can only be this agency's: then there is nothing to open.
    private const string Open = """
        INSERT INTO creator_bindings (creator_id, agency_id, bound_at) VALUES (@creator, @agency, @at)
        ON CONFLICT (creator_id) WHERE unbound_at IS NULL DO NOTHING
        """;

    private const string Matching = """
        FROM creator_bindings b JOIN creators c ON c.creator_id = b.creator_id
        WHERE b.agency_id = @agency AND b.unbound_at IS NULL
          AND (@term::text IS NULL OR strpos(lower(c.name), lower(@term)) > 0 OR strpos(lower(c.creator_id), lower(@term)) > 0)
        """;

    /// <inheritdoc />
    public async Task UpsertAgencyAsync(string agencyId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO agencies (agency_id, name) VALUES (@agency, @name)
            ON CONFLICT (agency_id) DO UPDATE SET name = excluded.name, updated_at = now()
            """);
        command.Parameters.AddWithValue("agency", agencyId);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task UpsertCreatorAsync(string creatorId, string name, string? avatarUrl, CreatorType creatorType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(creatorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO creators (creator_id, name, avatar_url, creator_type) VALUES (@creator, @name, @avatar, @type)
            ON CONFLICT (creator_id) DO UPDATE SET
                name = excluded.name, avatar_url = excluded.avatar_url, creator_type = excluded.creator_type, updated_at = now()
            """);
        command.Parameters.AddWithValue("creator", creatorId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.Add(new NpgsqlParameter("avatar", NpgsqlDbType.Text) { Value = (object?)avatarUrl ?? DBNull.Value });
        command.Parameters.AddWithValue("type", WireNames.Of(creatorType));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task BindCreatorAsync(string creatorId, string agencyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(creatorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        await using var batch = dataSource.CreateBatch();
        foreach (var sql in new[] { EnsureAgency, EnsureCreator, CloseOther, Open })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("creator", creatorId);
            command.Parameters.AddWithValue("agency", agencyId);
            command.Parameters.AddWithValue("at", at.ToUniversalTime());
            command.Parameters.AddWithValue("type", WireNames.Of(default(CreatorType)));
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task UnbindCreatorAsync(string creatorId, string agencyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE creator_bindings SET unbound_at = greatest(@at, bound_at)
            WHERE creator_id = @creator AND agency_id = @agency AND unbound_at IS NULL
            """);
        command.Parameters.AddWithValue("creator", creatorId);
        command.Parameters.AddWithValue("agency", agencyId);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Page<CreatorProfile>> SearchCreatorsAsync(CreatorSearch query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Validate() is { } problem) throw new ArgumentException(problem, nameof(query));
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Search(query, $"SELECT count(*) {Matching}"));
        // COLLATE "C": the order is the same whatever the database's locale, and the same as the in-memory directory's.
        batch.BatchCommands.Add(Search(query, $"""
            SELECT c.creator_id, c.name, c.avatar_url, c.creator_type {Matching}
            ORDER BY lower(c.name) COLLATE "C", c.creator_id COLLATE "C"
            LIMIT @limit OFFSET @offset
            """));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<CreatorProfile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new CreatorProfile(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                WireNames.Parse<CreatorType>(reader.GetString(3)), query.AgencyId, null));
        }
        return new Page<CreatorProfile>(items, query.Page, query.PageSize, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<string>> GetBoundCreatorIdsAsync(string agencyId, CancellationToken cancellationToken)
    {
        // An index-only scan of creator_bindings_open_agency.
        await using var command = dataSource.CreateCommand("SELECT creator_id FROM creator_bindings WHERE agency_id = @agency AND unbound_at IS NULL");
        command.Parameters.AddWithValue("agency", agencyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CreatorBinding>> GetBindingsAsync(string creatorId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT agency_id, bound_at, unbound_at FROM creator_bindings
            WHERE creator_id = @creator
            ORDER BY bound_at, unbound_at NULLS LAST
            """);
        command.Parameters.AddWithValue("creator", creatorId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var bindings = new List<CreatorBinding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            bindings.Add(new CreatorBinding(creatorId, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return bindings;
    }

    private static NpgsqlBatchCommand Search(CreatorSearch query, string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("agency", query.AgencyId);
        command.Parameters.Add(new NpgsqlParameter("term", NpgsqlDbType.Text) { Value = (object?)query.Term ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", query.PageSize);
        command.Parameters.AddWithValue("offset", (long)(query.Page - 1) * query.PageSize);
        return command;
    }

}
