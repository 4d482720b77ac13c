using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using Orleans.Concurrency;

namespace LiveGrains.Grains.Ingest;

/// <summary>
/// Takes a client's mixed batch into the silo and fans it out to the LIVEs from there. Stateless, so reentrant: one
/// activation serves every batch in flight instead of queueing them behind each other's LIVE calls.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class IngestGrain : Grain, IIngestGrain
{
    /// <inheritdoc />
    public Task<IngestResult> Ingest(IReadOnlyList<LiveEvent> events) => GrainFactory.IngestAsync(events);
}
