namespace LiveGrains.Grains.Hosting;

/// <summary>Timing and size settings of the grains (section <c>LiveGrains:Grains</c>).</summary>
public sealed class LiveGrainsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "LiveGrains:Grains";

    /// <summary>How often a changed LIVE pushes its card and detail.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often an agency publishes the cards that changed to its dashboards. Short, because it adds to the LIVE's tick:
    /// with both at one second a card waited up to two, against a goal of one tick plus 250 ms; at 200 ms the slowest
    /// 5-second windows of paced runs still reached 1,245–1,360 ms, at 100 ms 1,180–1,229 (BENCHMARKS.md).
    /// </summary>
    public TimeSpan AgencyPublishInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Shortest time between two calls that carry a silo's cards to one agency. Without it, each call went out as soon as
    /// the last returned, about one call per card (1,708 calls for 1,721 cards a second in a paced run, BENCHMARKS.md);
    /// half the agency's publish interval batches them while adding at most that much to a card's way to dashboards.
    /// </summary>
    public TimeSpan AgencyRelayInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often an unchanged LIVE re-sends its card (attention rules depend on the clock; agencies evict silent LIVEs).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a LIVE re-reads its creator's profile. Creators tell their LIVE of changes as they happen; this only
    /// repairs a lost notice, so it can be rare.
    /// </summary>
    public TimeSpan CreatorRefreshInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often a changed LIVE checkpoints its rollup to grain storage, which bounds what an activation replays from the
    /// event log. <see cref="Timeout.InfiniteTimeSpan"/>: only when the LIVE ends or its activation closes (single-process
    /// hosts, which keep no log). A minute, not a few seconds: every checkpoint writes the whole rollup, and at 5 s ten
    /// thousand LIVEs wrote 2,000 of them a second, which halved what a two-silo cluster ingested on two cores; a LIVE
    /// moved after a crash replays at most a minute of its events instead.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether a LIVE checkpoints when its silo shuts down. Off in single-process hosts, whose memory storage is torn down
    /// with the silo: the write could only fail, once per LIVE, and slow the shutdown.
    /// </summary>
    public bool CheckpointOnShutdown { get; set; } = true;

    /// <summary>An agency drops a card it has not heard about for this long (its LIVE's silo died, or the LIVE's end was lost on the way).</summary>
    public TimeSpan StaleCardAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether a LIVE on air holds a one-minute reminder, so that when its silo dies another silo brings it back to its
    /// agency's Ongoing LIVEs. On in cluster mode; off in embedded mode, where the LIVE and everything it would come
    /// back to live in one process, and 10,000 reminders would only cost memory and timers.
    /// </summary>
    public bool OnAirReminders { get; set; }

    /// <summary>
    /// How far before its newest event a LIVE recognises a re-sent event id. Ids of older events are forgotten, which
    /// keeps the memory a LIVE spends on ids flat however long it runs; an event that old is refused (orders, refunds and violations,
    /// deduplicated by their own ids, are still accepted), so producers must retry within this window. A LIVE keeps the
    /// window it started with.
    /// </summary>
    public TimeSpan DedupeWindow { get; set; } = Rollup.DedupeWindow.DefaultLength;

    /// <summary>Comments shown on a card.</summary>
    public int CardComments { get; set; } = 5;

    /// <summary>Most events accepted in one ingest call.</summary>
    public int MaxBatchSize { get; set; } = 10_000;
}
