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
/// <param name="OnAirBatches">
/// The leading batches that hold the first simulated step, in which every LIVE of the world goes on air (its start,
/// its first pinned product and its first second of events).
/// </param>
public sealed record Workload(
    IReadOnlyList<LiveEvent[]> Batches,
    IReadOnlyList<SimAgency> Agencies,
    IReadOnlyList<SimCreator> Creators,
    double SimulatedSeconds,
    int OnAirBatches = 0)
{
    /// <summary>Events in all batches.</summary>
    public long EventCount => Batches.Sum(b => (long)b.Length);

    /// <summary>
    /// The workload cut in two: the batches that put every LIVE on air, and the rest. The parts keep their order and the
    /// world (agencies, creators), so sent one after the other they are exactly this workload.
    /// </summary>
    public (Workload OnAir, Workload After) SplitOnAir() => (
        this with { Batches = Batches.Take(OnAirBatches).ToList() },
        this with { Batches = Batches.Skip(OnAirBatches).ToList(), OnAirBatches = 0 });

    /// <summary>
    /// The same events with every LIVE id moved by <paramref name="run"/> × 10^8, and every occurredAt by
    /// <paramref name="shift"/>. Two targets on the same host (the Orleans client, then HTTP) would otherwise send the
    /// second the first one's LIVEs again, and get only duplicates; this keeps the events identical and the ids 19-digit
    /// numbers inside the seed's range of the simulator.
    /// </summary>
    public Workload ForRun(int run, TimeSpan shift = default)
    {
        if (run == 0 && shift == TimeSpan.Zero) return this;
        var offset = run * 100_000_000L;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Map(string id)
        {
            if (run == 0) return id;
            if (ids.TryGetValue(id, out var mapped)) return mapped;
            mapped = long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? (n + offset).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : $"{id}-r{run}";
            return ids[id] = mapped;
        }
        var batches = Batches.Select(b => b.Select(e => e with { LiveId = Map(e.LiveId), OccurredAt = e.OccurredAt + shift }).ToArray()).ToList();
        return this with { Batches = batches };
    }

    /// <summary>The earliest and latest occurredAt of the events; (<see cref="DateTimeOffset.MaxValue"/>, <see cref="DateTimeOffset.MinValue"/>) without any.</summary>
    public (DateTimeOffset First, DateTimeOffset Last) TimeRange()
    {
        var (first, last) = (DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        foreach (var batch in Batches)
        {
            foreach (var e in batch) (first, last) = (e.OccurredAt < first ? e.OccurredAt : first, e.OccurredAt > last ? e.OccurredAt : last);
        }
        return (first, last);
    }
}
