using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>Outcome of an ingest call: every item is either accepted, a duplicate, or rejected with a reason.</summary>
/// <param name="Accepted">Newly accepted events.</param>
/// <param name="Duplicates">Events already accepted before (same eventId); they changed nothing.</param>
/// <param name="Rejected">Refused events with reasons.</param>
[GenerateSerializer, Immutable, Alias("lg.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] IReadOnlyList<RejectedEvent> Rejected)
{
    /// <summary>An empty result.</summary>
    public static IngestResult Empty { get; } = new(0, 0, []);
}
