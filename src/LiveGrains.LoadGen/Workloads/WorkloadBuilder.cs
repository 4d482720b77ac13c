using LiveGrains.Contracts.Events;
using LiveGrains.Grains.Rollup;
using LiveGrains.LoadGen.Cli;
using LiveGrains.Simulation;

namespace LiveGrains.LoadGen.Workloads;

/// <summary>Builds a <see cref="Workload"/> from the shared <see cref="LiveWorld"/> simulator.</summary>
public static class WorkloadBuilder
{
    /// <summary>How long before a boundary of the dedupe window's generations simulated time starts.</summary>
    public static readonly TimeSpan BeforeGenerationBoundary = TimeSpan.FromSeconds(50);

    /// <summary>
    /// Steps a world of <see cref="LoadGenOptions.Lives"/> LIVEs until <see cref="LoadGenOptions.Events"/> events exist,
    /// from an instant at most one generation of the dedupe window before <paramref name="now"/> (<see cref="AlignedStart"/>);
    /// <paramref name="liveMinutes"/>, when given, is the range of planned LIVE lengths instead of the simulator's.
    /// </summary>
    public static Workload Build(LoadGenOptions o, DateTimeOffset now, (int Min, int Max)? liveMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        var world = World(o, liveMinutes);
        var step = TimeSpan.FromSeconds(o.SimStepSeconds);
        // Simulated time starts shortly before now, as a real producer's events do: the grains refuse events more than five
        // minutes in the future, and events an hour old (as this once used) make every push recompute an hour of
        // per-minute trend points, a cost production does not pay. Long workloads are moved back below.
        var clock = AlignedStart(now.AddSeconds(-30));
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

    /// <summary>
    /// The simulated world of <see cref="LoadGenOptions.Lives"/> concurrent LIVEs over <see cref="LoadGenOptions.Agencies"/>
    /// agencies that <see cref="Build"/> steps; <paramref name="liveMinutes"/>, when given, is the range of planned LIVE
    /// lengths instead of the simulator's.
    /// </summary>
    public static LiveWorld World(LoadGenOptions o, (int Min, int Max)? liveMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        var defaults = new SimulationOptions();
        return new LiveWorld(new SimulationOptions
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
    }

    /// <summary>
    /// The latest instant at or before <paramref name="latest"/> that is <see cref="BeforeGenerationBoundary"/> before a
    /// boundary of the generations a LIVE keeps its event ids in (<see cref="DedupeWindow"/>, 150 s by default): a
    /// LIVE's ids go to one table until the boundary and to another after it, and a run that started at whatever second
    /// the clock showed split them anywhere, from not at all to evenly, so runs of one build differed by that alone.
    /// </summary>
    public static DateTimeOffset AlignedStart(DateTimeOffset latest)
    {
        var generation = (long)DedupeWindow.GenerationLength(DedupeWindow.DefaultLength).TotalSeconds;
        var offset = generation - (long)BeforeGenerationBoundary.TotalSeconds;
        var seconds = latest.ToUnixTimeSeconds();
        var start = seconds - ((seconds - offset) % generation + generation) % generation;
        return DateTimeOffset.FromUnixTimeSeconds(start);
    }
}
