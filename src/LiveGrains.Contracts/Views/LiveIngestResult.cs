namespace LiveGrains.Contracts.Views;

/// <summary>Outcome of an ingest call to one LIVE: every item is either accepted, a duplicate, or rejected with a reason.</summary>
/// <param name="Accepted">Newly accepted events.</param>
/// <param name="Duplicates">Events already accepted before (same eventId); they changed nothing.</param>
/// <param name="Rejected">Refused events with reasons; indexes refer to the call's batch.</param>
/// <param name="Sequence">
/// The LIVE's event-log sequence once the call's events were in: every card of the LIVE whose
/// <see cref="LiveCard.Sequence"/> is at least this includes them.
/// </param>
/// <remarks>
/// A value: a call of a mixed batch reaches most LIVEs with one or two events, so an object per answer was an allocation
/// for nearly every event; as a value it travels inside the response Orleans makes anyway.
/// </remarks>
[GenerateSerializer, Immutable, Alias("lg.LiveIngestResult")]
public readonly record struct LiveIngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] IReadOnlyList<RejectedEvent> Rejected,
    [property: Id(3)] long Sequence);
