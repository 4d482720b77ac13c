using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Cli;
using LiveGrains.Simulation;

namespace LiveGrains.LoadGen.Workloads;

/// <summary>Builds a <see cref="Workload"/> from the shared <see cref="LiveWorld"/> simulator.</summary>
public static class WorkloadBuilder
{
    /// <summary>
    /// Steps a world of <see cref="LoadGenOptions.Lives"/> LIVEs until <see cref="LoadGenOptions.Events"/> events exist;
    /// <paramref name="liveMinutes"/>, when given, is the range of planned LIVE lengths instead of the simulator's.
    /// </summary>
    public static Workload Build(LoadGenOptions o, DateTimeOffset now, (int Min, int Max)? liveMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        var defaults = new SimulationOptions();
        var world = new LiveWorld(new SimulationOptions
        {
            MinLiveMinutes = liveMinutes?.Min ?? defaults.MinLiveMinutes,
            MaxLiveMinutes = liveMinutes?.Max ?? defaults.MaxLiveMinutes,
            Seed = o.Seed,
            Agencies = o.Agencies,
            // A few spare creators so LIVEs that end are replaced by new ones, as on a real platform.
            CreatorsPerAgency = (int)Math.Ceiling(o.Lives * 1.1 / o.Agencies),
            ConcurrentLives = o.Lives,
            RateScale = o.RateScale,
            HistoryPerCreator = 0,
            WarmStart = false,
        });
        var step = TimeSpan.FromSeconds(o.SimStepSeconds);
        // Simulated time starts just before now, as a real producer's events do: the grains refuse events more than five
        // minutes in the future, and events an hour old (as this once used) make every push recompute an hour of
        // per-minute trend points, a cost production does not pay. Long workloads are moved back below.
        var clock = now.AddSeconds(-30);
        var start = clock;
        var random = new Random(o.Seed);
        var events = new List<LiveEvent>();
        var resend = new List<LiveEvent>();
        var firstStepEvents = -1;
        while (events.Count < o.Events)
        {
            clock += step;
            // A producer that lost an acknowledgement sends the same event again one step later.
            events.AddRange(resend);
            resend.Clear();
            foreach (var e in world.Step(clock, step))
            {
                events.Add(e);
                if (o.Duplicates > 0 && random.NextDouble() < o.Duplicates) resend.Add(e);
            }
            if (firstStepEvents < 0) firstStepEvents = events.Count;
        }
        // Keep the newest event at least a minute behind now plus the grains' allowed skew.
        var tooNew = clock - (now + TimeSpan.FromMinutes(4));
        if (tooNew > TimeSpan.Zero)
        {
            for (var i = 0; i < events.Count; i++) events[i] = events[i] with { OccurredAt = events[i].OccurredAt - tooNew };
        }
        var batches = events.Chunk(o.Batch).ToList();
        var onAirBatches = (int)Math.Min(batches.Count, (Math.Max(0, firstStepEvents) + o.Batch - 1) / o.Batch);
        return new Workload(batches, world.Agencies, world.Creators, (clock - start).TotalSeconds, onAirBatches);
    }
}
