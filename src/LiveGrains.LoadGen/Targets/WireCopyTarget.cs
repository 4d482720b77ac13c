using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;
using Orleans.Serialization;

namespace LiveGrains.LoadGen.Targets;

/// <summary>
/// Sends each request as a silo receives it from another process: serialized with Orleans' serializer and read back, so
/// that what the grains keep (comment texts, nicknames, product names, region keys) is theirs alone. Sent as they are,
/// the events' strings belong to the load generator's workload, which exists before any heap is measured: a LIVE's
/// memory would then leave out every string it keeps.
/// </summary>
public sealed class WireCopyTarget(ITarget inner, Serializer serializer) : ITarget
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public Task PrepareAsync(Workload workload, CancellationToken cancellationToken) => inner.PrepareAsync(workload, cancellationToken);

    /// <inheritdoc />
    public Task<SendOutcome> SendAsync(LiveEvent[] batch, CancellationToken cancellationToken) =>
        inner.SendAsync(serializer.Deserialize<LiveEvent[]>(serializer.SerializeToArray(batch)) ?? throw new InvalidOperationException("a batch read back as null"), cancellationToken);

    /// <inheritdoc />
    public Task<Verification> VerifyAsync(GroundTruth truth, long eventsSent, CancellationToken cancellationToken) =>
        inner.VerifyAsync(truth, eventsSent, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
