using LiveGrains.Contracts.Events;

namespace LiveGrains.LoadGen.Limit;

/// <summary>Counts events and does nothing else (no dedupe, no state writes, no fan-out): the ceiling for ingest.</summary>
public sealed class CountingGrain : Grain, ICountingGrain
{
    private long _count;

    /// <inheritdoc />
    public ValueTask<int> Add(IReadOnlyList<LiveEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _count += batch.Count;
        return ValueTask.FromResult(batch.Count);
    }

    /// <inheritdoc />
    public Task<long> GetCount() => Task.FromResult(_count);
}
