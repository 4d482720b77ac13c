using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>Outcome of an ingest call: every item is either accepted, a duplicate, or rejected with a reason.</summary>
/// <param name="Accepted">Newly accepted events.</param>
/// <param name="Duplicates">Events already accepted before (same eventId); they changed nothing.</param>
/// <param name="Rejected">Refused events with reasons.</param>
/// <param name="Sequences">
/// Per LIVE of the call, the LIVE's event-log sequence once the call's events were in: every card of that LIVE whose
/// <see cref="LiveCard.Sequence"/> is at least this includes them. Set by ingest through the grains
/// (<see cref="Grains.GrainFactoryIngestExtensions.IngestAsync"/>) as <see cref="LiveSequenceDictionary"/>; the HTTP API leaves it out.
/// </param>
/// <remarks>Made where the call was split (the web host, a client); it never crosses a grain call.</remarks>
public sealed record IngestResult(
    int Accepted,
    int Duplicates,
    IReadOnlyList<RejectedEvent> Rejected,
    IReadOnlyDictionary<string, long>? Sequences = null)
{
    /// <summary>An empty result.</summary>
    public static IngestResult Empty { get; } = new(0, 0, []);
}
