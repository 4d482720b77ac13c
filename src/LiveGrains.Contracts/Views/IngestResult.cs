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
/// (<see cref="Grains.GrainFactoryIngestExtensions.IngestAsync"/>); the HTTP API leaves it out.
/// </param>
[GenerateSerializer, Immutable, Alias("lg.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] IReadOnlyList<RejectedEvent> Rejected,
    [property: Id(3)] IReadOnlyDictionary<string, long>? Sequences = null)
{
    /// <summary>An empty result.</summary>
    public static IngestResult Empty { get; } = new(0, 0, []);
}
