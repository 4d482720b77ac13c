using Npgsql;
using NpgsqlTypes;

namespace LiveGrains.Storage.EventLog;

/// <summary>Binary COPY of rows into <c>live_event_log</c>: the log writer's only write, and the benchmark's raw baseline.</summary>
public static class EventLogCopy
{
    private const string Command =
        "COPY live_event_log (accepted_on, live_id, seq, event_id, event_type, occurred_at, accepted_at, envelope) FROM STDIN (FORMAT BINARY)";

    /// <summary>Writes <paramref name="batches"/> in one COPY, which commits as one statement: all rows or none.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, IEnumerable<IReadOnlyList<EventLogRow>> batches, DateTimeOffset acceptedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batches);
        var day = DateOnly.FromDateTime(acceptedAt.UtcDateTime);
        var at = acceptedAt.ToUniversalTime();
        await using var importer = await connection.BeginBinaryImportAsync(Command, cancellationToken);
        foreach (var rows in batches)
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(row.LiveId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Sequence, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(row.EventId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.EventType, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(row.Envelope, NpgsqlDbType.Jsonb, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
