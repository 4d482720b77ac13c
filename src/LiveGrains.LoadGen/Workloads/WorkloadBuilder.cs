using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Cli;
using LiveGrains.Simulation;

namespace LiveGrains.LoadGen.Workloads;

/// <summary>Builds a <see cref="Workload"/> from the shared <see cref="LiveWorld"/> simulator.</summary>
public static class WorkloadBuilder
{
    /// <summary>Steps a world of <see cref="LoadGenOptions.Lives"/> LIVEs until <see cref="LoadGenOptions.Events"/> events exist.</summary>
    public static Workload Build(LoadGenOptions o, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(o);
        var world = new LiveWorld(new SimulationOptions
        {
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
        // Simulated time runs in the past: the grains refuse events more than five minutes in the future.
        var clock = now.AddHours(-1);
        var start = clock;
        var random = new Random(o.Seed);
        var events = new List<LiveEvent>();
        var resend = new List<LiveEvent>();
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
        }
        var batches = events.Chunk(o.Batch).ToList();
        return new Workload(batches, world.Agencies, world.Creators, (clock - start).TotalSeconds);
    }
}
