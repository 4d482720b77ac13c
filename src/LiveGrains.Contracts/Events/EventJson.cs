using System.Text.Json;
using LiveGrains.Contracts.Json;

namespace LiveGrains.Contracts.Events;

/// <summary>
/// Reads and writes the event envelope (<c>{eventId, liveId, creatorId, type, occurredAt, data}</c>).
/// Reading never throws for bad content: it names the first problem so one bad item cannot sink a batch.
/// </summary>
public static class EventJson
{
    /// <summary>Parses one envelope; on failure <paramref name="error"/> names the field and the problem.</summary>
    public static bool TryParse(JsonElement item, out LiveEvent? parsed, out string? error)
    {
        parsed = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = $"expected an event object, got {item.ValueKind.ToString().ToLowerInvariant()}";
            return false;
        }

        // Every field is read (no short-circuit) so definite assignment holds; the first problem wins. Names as UTF-8
        // literals and no array of problems: this runs for every event of every HTTP batch.
        var eventIdProblem = Text(item, "eventId"u8, "eventId", out var eventId);
        var liveIdProblem = Text(item, "liveId"u8, "liveId", out var liveId);
        var creatorIdProblem = Text(item, "creatorId"u8, "creatorId", out var creatorId);
        var typeProblem = Text(item, "type"u8, "type", out var typeName);
        var occurredAtProblem = Timestamp(item, out var occurredAt);
        error = eventIdProblem ?? liveIdProblem ?? creatorIdProblem ?? typeProblem ?? occurredAtProblem;
        if (error is not null) return false;

        var payloadType = EventTypes.TypeOf(typeName!);
        if (payloadType is null)
        {
            error = $"unknown event type '{typeName}'; known types: {string.Join(", ", EventTypes.Names)}";
            return false;
        }
        if (!item.TryGetProperty("data"u8, out var data) || data.ValueKind != JsonValueKind.Object)
        {
            error = "data is required and must be an object";
            return false;
        }

        LiveEventData? payload;
        try
        {
            payload = (LiveEventData?)data.Deserialize(payloadType, LiveJson.Options);
        }
        catch (JsonException ex)
        {
            error = $"data of '{typeName}' is invalid: {Describe(ex)}";
            return false;
        }
        parsed = new LiveEvent(eventId!, liveId!, creatorId!, occurredAt, payload!);
        return true;
    }

    /// <summary>Writes one envelope in the wire format.</summary>
    public static void Write(Utf8JsonWriter writer, LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        writer.WriteStartObject();
        writer.WriteString("eventId", e.EventId);
        writer.WriteString("liveId", e.LiveId);
        writer.WriteString("creatorId", e.CreatorId);
        writer.WriteString("type", e.Type);
        writer.WriteString("occurredAt", e.OccurredAt.ToUniversalTime());
        writer.WritePropertyName("data");
        JsonSerializer.Serialize(writer, e.Data, e.Data.GetType(), LiveJson.Options);
        writer.WriteEndObject();
    }

    /// <summary>Serialises a batch as a JSON array.</summary>
    public static byte[] ToJsonArray(IEnumerable<LiveEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var e in events) Write(writer, e);
            writer.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private static string? Text(JsonElement item, ReadOnlySpan<byte> utf8Name, string name, out string? value)
    {
        value = null;
        if (!item.TryGetProperty(utf8Name, out var p) || p.ValueKind == JsonValueKind.Null) return $"{name} is required";
        if (p.ValueKind != JsonValueKind.String) return $"{name} must be a string";
        value = p.GetString();
        return string.IsNullOrWhiteSpace(value) ? $"{name} is required" : null;
    }

    private static string? Timestamp(JsonElement item, out DateTimeOffset value)
    {
        value = default;
        if (!item.TryGetProperty("occurredAt"u8, out var p) || p.ValueKind == JsonValueKind.Null) return "occurredAt is required";
        if (p.ValueKind != JsonValueKind.String || !p.TryGetDateTimeOffset(out value))
            return "occurredAt must be an ISO 8601 timestamp with an offset, e.g. 2026-11-25T10:00:00Z";
        return null;
    }

    private static string Describe(JsonException ex)
    {
        // System.Text.Json's messages name CLR types; agencies' engineers need the JSON path instead.
        var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "data" : "data" + ex.Path.TrimStart('$');
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        return $"{path}: {message}";
    }
}
