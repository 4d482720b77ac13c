using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Web.Ingest;

/// <summary>A parsed ingest request: the readable events with their positions, and the items refused while parsing.</summary>
/// <param name="Events">Events that parsed.</param>
/// <param name="Positions">Position in the request of each of <see cref="Events"/>.</param>
/// <param name="Rejected">Items that did not parse, with their positions and reasons.</param>
public sealed record IngestBatch(List<LiveEvent> Events, List<int> Positions, List<RejectedEvent> Rejected)
{
    /// <summary>Items read so far, parsed or refused.</summary>
    public int Count => Events.Count + Rejected.Count;
}
