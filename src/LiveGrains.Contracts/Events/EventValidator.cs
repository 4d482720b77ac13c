namespace LiveGrains.Contracts.Events;

/// <summary>
/// Envelope-level rules every accepted event satisfies, whoever sent it (HTTP ingest or a direct grain call).
/// </summary>
public static class EventValidator
{
    /// <summary>How far ahead of the receiver's clock an event may claim to have happened (producer clock skew).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Longest id accepted for events, LIVEs and creators.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Returns the first problem with <paramref name="e"/>, or null when it may be accepted.</summary>
    public static string? Validate(LiveEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Id(e.EventId, "eventId") ?? Id(e.LiveId, "liveId") ?? Id(e.CreatorId, "creatorId")
            ?? (e.OccurredAt == default ? "occurredAt is required" : null)
            ?? (e.OccurredAt > now + MaxClockSkew
                ? $"occurredAt {e.OccurredAt:O} is more than {MaxClockSkew.TotalMinutes:0} minutes in the future"
                : null)
            ?? (e.Data is null ? "data is required" : e.Data.Validate());
    }

    private static string? Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? $"{field} is required"
        : value.Length > MaxIdLength ? $"{field} is longer than {MaxIdLength} characters"
        : null;
}
