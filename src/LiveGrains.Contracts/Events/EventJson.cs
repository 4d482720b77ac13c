using System.Text.Json;
using LiveGrains.Contracts.Json;

namespace LiveGrains.Contracts.Events;

/// <summary>
/// Reads and writes the event envelope (<c>{eventId, liveId, creatorId, type, occurredAt, data}</c>).
/// Reading never throws for bad content: it names the first problem so one bad item cannot sink a batch.
/// </summary>
public static class EventJson
{
    /// <summary>
    /// Reads one envelope from <paramref name="reader"/>, which stands on the item's first token, and leaves it on the
    /// item's last token. Bad content comes back in <paramref name="error"/> (with the event id when the item had one);
    /// only JSON that is not well formed throws (<see cref="JsonException"/>), since then no item boundary can be
    /// trusted. The reader must hold the whole item: fields come in any order, so the payload is read once its type is
    /// known.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, out LiveEvent? parsed, out string? eventId, out string? error)
    {
        parsed = null;
        eventId = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = $"expected an event object, got {KindOf(reader.TokenType)}";
            reader.Skip();
            return false;
        }

        // Names as UTF-8 literals and no array of problems: this runs for every event of every HTTP batch. A field
        // given twice counts by its last value.
        string? liveId = null, creatorId = null, typeName = null;
        Type? payloadType = null;
        var recent = RecentStrings.Current;
        string? eventIdProblem = "eventId is required", liveIdProblem = "liveId is required",
            creatorIdProblem = "creatorId is required", typeProblem = "type is required", occurredAtProblem = "occurredAt is required";
        var occurredAt = default(DateTimeOffset);
        var data = default(Utf8JsonReader);
        var hasData = false;
        // The payload, when it came after its type and was read on the way (as producers that write the envelope in its
        // documented order send it).
        LiveEventData? read = null;
        Type? triedAs = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eventId"u8)) eventIdProblem = Text(ref reader, "eventId", out eventId);
            else if (reader.ValueTextEquals("liveId"u8)) liveIdProblem = Text(ref reader, "liveId", out liveId, recent);
            else if (reader.ValueTextEquals("creatorId"u8)) creatorIdProblem = Text(ref reader, "creatorId", out creatorId, recent);
            else if (reader.ValueTextEquals("type"u8)) typeProblem = TypeName(ref reader, out payloadType, out typeName);
            else if (reader.ValueTextEquals("occurredAt"u8)) occurredAtProblem = Timestamp(ref reader, out occurredAt);
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                hasData = reader.TokenType == JsonTokenType.StartObject;
                // A copy of the reader marks where the payload starts; skipping it also proves it well formed.
                data = reader;
                read = null;
                triedAs = hasData ? payloadType : null;
                // Read now, the reader ends on the payload's last token and the skip below has nothing left to do.
                if (triedAs is not null) PayloadReader.TryRead(ref reader, triedAs, out read);
            }
            else
            {
                reader.Read();
            }
            reader.Skip();
        }

        error = eventIdProblem ?? liveIdProblem ?? creatorIdProblem ?? typeProblem ?? occurredAtProblem;
        if (error is not null) return false;

        if (payloadType is null)
        {
            error = $"unknown event type '{typeName}'; known types: {string.Join(", ", EventTypes.Names)}";
            return false;
        }
        if (!hasData)
        {
            error = "data is required and must be an object";
            return false;
        }

        // A type given again after the payload was read must not leave the payload of the first; a payload the one-pass
        // reader already declined as this type goes to the serializer without a second try.
        var payload = read?.GetType() == payloadType || (triedAs != payloadType && PayloadReader.TryRead(ref data, payloadType, out read))
            ? read : null;
        try
        {
            payload ??= (LiveEventData?)JsonSerializer.Deserialize(ref data, payloadType, LiveJson.Options);
        }
        catch (JsonException ex)
        {
            error = $"data of '{EventTypes.NameOf(payloadType)}' is invalid: {Describe(ex)}";
            return false;
        }
        parsed = new LiveEvent(eventId!, liveId!, creatorId!, occurredAt, payload!);
        return true;
    }

    /// <summary>
    /// Parses one envelope that is a whole JSON document; on failure <paramref name="error"/> names the field and the
    /// problem. Throws <see cref="JsonException"/> when <paramref name="utf8"/> is not well-formed JSON.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out LiveEvent? parsed, out string? error)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        var ok = TryRead(ref reader, out parsed, out _, out error);
        // Throws when anything but whitespace follows the envelope.
        reader.Read();
        return ok;
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

    // The type's name as producers write it (plain, unescaped) is matched as UTF-8, without making a string of it; any
    // other spelling is read as text, so that its problems are worded as for the other fields.
    private static string? TypeName(ref Utf8JsonReader reader, out Type? type, out string? name)
    {
        name = null;
        reader.Read();
        type = reader is { TokenType: JsonTokenType.String, ValueIsEscaped: false, HasValueSequence: false } ? EventTypes.TypeOf(reader.ValueSpan) : null;
        if (type is not null) return null;
        var problem = TextValue(ref reader, "type", out name);
        if (problem is null) type = EventTypes.TypeOf(name!);
        return problem;
    }

    private static string? Text(ref Utf8JsonReader reader, string name, out string? value, RecentStrings? recent = null)
    {
        reader.Read();
        return TextValue(ref reader, name, out value, recent);
    }

    private static string? TextValue(ref Utf8JsonReader reader, string name, out string? value, RecentStrings? recent = null)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return $"{name} is required";
        if (reader.TokenType != JsonTokenType.String) return $"{name} must be a string";
        try
        {
            value = recent is null ? reader.GetString() : recent.Read(ref reader);
        }
        catch (InvalidOperationException)
        {
            // The reader checks a string's UTF-8 only when it is taken out.
            return $"{name} is not valid UTF-8 text";
        }
        return string.IsNullOrWhiteSpace(value) ? $"{name} is required" : null;
    }

    private static string? Timestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return "occurredAt is required";
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out value))
            return "occurredAt must be an ISO 8601 timestamp with an offset, e.g. 2026-11-25T10:00:00Z";
        return null;
    }

    private static string KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

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
