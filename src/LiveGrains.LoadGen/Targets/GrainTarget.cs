using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Targets;

/// <summary>LiveGrains through direct grain calls: an in-process silo's factory or an Orleans client of a running host.</summary>
public sealed class GrainTarget(string name, IGrainFactory grains, Func<ValueTask>? dispose = null) : ITarget
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public Task PrepareAsync(Workload workload, CancellationToken cancellationToken) => GrainSeeding.SeedAsync(grains, workload, cancellationToken);

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(LiveEvent[] batch, CancellationToken cancellationToken)
    {
        var result = await grains.IngestAsync(batch);
        return new SendOutcome(result.Accepted, result.Duplicates, result.Rejected.Count, result.Sequences);
    }

    /// <inheritdoc />
    public Task<Verification> VerifyAsync(GroundTruth truth, long eventsSent, CancellationToken cancellationToken) =>
        TotalsComparer.CompareAsync(truth, async (id, _) =>
            await grains.GetGrain<ILiveSessionGrain>(id).GetDashboard() is { } d ? DashboardTotals.From(id, d) : null, 64, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dispose?.Invoke() ?? ValueTask.CompletedTask;
}
