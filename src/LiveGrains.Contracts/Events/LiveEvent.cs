namespace LiveGrains.Contracts.Events;

/// <summary>
/// The envelope every producer sends: one fact about one LIVE. <see cref="EventId"/> is unique per LIVE
/// and is what makes retries safe (a second copy is recognised as a duplicate and changes nothing).
/// </summary>
/// <param name="EventId">Producer-chosen id, unique within the LIVE.</param>
/// <param name="LiveId">The LIVE this event belongs to (real ids are 19-digit numbers).</param>
/// <param name="CreatorId">The creator hosting the LIVE.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
/// <param name="Data">The typed payload; its type decides the wire name (see <see cref="EventTypes"/>).</param>
[GenerateSerializer, Immutable, Alias("lg.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string LiveId,
    [property: Id(2)] string CreatorId,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] LiveEventData Data)
{
    /// <summary>The wire name of the payload type, e.g. <c>order_paid</c>.</summary>
    public string Type => EventTypes.NameOf(Data);
}
