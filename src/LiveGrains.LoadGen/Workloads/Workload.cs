using LiveGrains.Contracts.Events;
using LiveGrains.Simulation;

namespace LiveGrains.LoadGen.Workloads;

/// <summary>
/// The events of a run, generated before any clock starts so the generator's cost is not measured, already cut into
/// the requests every target receives in the same order.
/// </summary>
/// <param name="Batches">Requests in send order.</param>
/// <param name="Agencies">Agencies of the world (to seed grains).</param>
/// <param name="Creators">Creators of the world (to seed grains).</param>
/// <param name="SimulatedSeconds">Simulated time the events cover.</param>
public sealed record Workload(
    IReadOnlyList<LiveEvent[]> Batches,
    IReadOnlyList<SimAgency> Agencies,
    IReadOnlyList<SimCreator> Creators,
    double SimulatedSeconds)
{
    /// <summary>Events in all batches.</summary>
    public long EventCount => Batches.Sum(b => (long)b.Length);
}
