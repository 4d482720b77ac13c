using System.Buffers;
using System.Text;
using System.Text.Json;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Events;
using Npgsql;
using NpgsqlTypes;

namespace LiveGrains.Storage.EventLog;

/// <summary>Binary COPY of logged events into <c>live_event_log</c>: the log writer's only write, and the benchmark's raw baseline.</summary>
public static class EventLogCopy
{
    private const string Command =
        "COPY live_event_log (accepted_on, live_id, seq, event_id, event_type, occurred_at, accepted_at, envelope) FROM STDIN (FORMAT BINARY)";

    /// <summary>Writes <paramref name="batches"/> in one COPY, which commits as one statement: all rows or none.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, IEnumerable<SequencedEvents> batches, DateTimeOffset acceptedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batches);
        var day = DateOnly.FromDateTime(acceptedAt.UtcDateTime);
        var at = acceptedAt.ToUniversalTime();
        // Envelopes are serialised here, just before they are sent, so they die young: serialised when appended, thousands
        // of them waited for their COPY and were carried through collections, which cost the writer more than the JSON.
        var buffer = new ArrayBufferWriter<byte>(1024);
        await using var json = new Utf8JsonWriter(buffer);
        await using var importer = await connection.BeginBinaryImportAsync(Command, cancellationToken);
        // Rows are written without the token: Npgsql registers it on every field, which was 7% of the log writer's CPU.
        // Starting and completing the COPY still honour it, and the importer's timeout bounds a stalled connection.
        var none = CancellationToken.None;
        foreach (var events in batches)
        {
            var sequence = events.FirstSequence;
            foreach (var e in events.Events)
            {
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                EventJson.Write(json, e);
                json.Flush();
                await importer.StartRowAsync(none);
                await importer.WriteAsync(day, NpgsqlDbType.Date, none);
                await importer.WriteAsync(e.LiveId, NpgsqlDbType.Text, none);
                await importer.WriteAsync(sequence++, NpgsqlDbType.Bigint, none);
                await importer.WriteAsync(e.EventId, NpgsqlDbType.Text, none);
                await importer.WriteAsync(e.Type, NpgsqlDbType.Text, none);
                await importer.WriteAsync(e.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, none);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz, none);
                await importer.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan), NpgsqlDbType.Jsonb, none);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
