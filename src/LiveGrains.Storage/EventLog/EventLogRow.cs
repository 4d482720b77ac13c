using System.Buffers;
using System.Text;
using System.Text.Json;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Events;

namespace LiveGrains.Storage.EventLog;

/// <summary>One row of <c>live_event_log</c>, serialised by the appending grain so writers only copy bytes.</summary>
/// <param name="LiveId">LIVE id.</param>
/// <param name="Sequence">Per-LIVE sequence number.</param>
/// <param name="EventId">Event id.</param>
/// <param name="EventType">Wire type name.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Envelope">The envelope in the wire format.</param>
public sealed record EventLogRow(string LiveId, long Sequence, string EventId, string EventType, DateTimeOffset OccurredAt, string Envelope)
{
    /// <summary>The row of <paramref name="logged"/>.</summary>
    public static EventLogRow From(LoggedEvent logged)
    {
        ArgumentNullException.ThrowIfNull(logged);
        var e = logged.Event;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer)) EventJson.Write(writer, e);
        return new EventLogRow(e.LiveId, logged.Sequence, e.EventId, e.Type, e.OccurredAt, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
