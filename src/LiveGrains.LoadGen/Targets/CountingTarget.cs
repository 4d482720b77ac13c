using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.LoadGen.Limit;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Targets;

/// <summary>
/// The "limit" baseline: the same requests, split by LIVE exactly like LiveGrains' ingest, into counting grains reached
/// the same way LIVEs are.
/// </summary>
public sealed class CountingTarget(IGrainFactory grains) : ITarget
{
    /// <inheritdoc />
    public string Name => "limit";

    /// <inheritdoc />
    public Task PrepareAsync(Workload workload, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(LiveEvent[] batch, CancellationToken cancellationToken)
    {
        var parts = LiveBatch.SplitByLive(batch);
        var counts = await Task.WhenAll(parts.Select(p => StringKeyedGrains<ICountingGrain>.Get(grains, p.LiveId).Add(p.Events).AsTask()));
        return new SendOutcome(counts.Sum(), 0, 0);
    }

    /// <inheritdoc />
    public async Task<Verification> VerifyAsync(GroundTruth truth, long eventsSent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(truth);
        long counted = 0;
        await Parallel.ForEachAsync(truth.Totals().Keys, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (id, _) => Interlocked.Add(ref counted, await grains.GetGrain<ICountingGrain>(id).GetCount()));
        // The counting grain does not dedupe: it must have seen every event sent, duplicates included, once.
        return counted == eventsSent
            ? new Verification(true, $"counted {counted} = events sent (no dedupe by design)", [])
            : new Verification(false, $"MISMATCH: counted {counted}, sent {eventsSent}", []);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
