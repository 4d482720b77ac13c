using LiveGrains.Contracts.Events;
using Orleans.Concurrency;

namespace LiveGrains.LoadGen.Limit;

/// <summary>
/// The "limit" baseline: a grain per LIVE that only counts what it receives. The same events, split by LIVE the same
/// way, cost the messaging, serialization and scheduling of Orleans and nothing else, so LiveGrains' ingest rate as a
/// share of this one is the price of the rollup itself.
/// </summary>
public interface ICountingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts the events of one batch; returns how many. Handed over uncopied, and answered as a value task, as LIVEs get
    /// and answer theirs.
    /// </summary>
    ValueTask<int> Add([Immutable] IReadOnlyList<LiveEvent> batch);

    /// <summary>Events counted so far.</summary>
    Task<long> GetCount();
}
