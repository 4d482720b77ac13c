namespace LiveGrains.Grains.Rollup;

/// <summary>One minute of a LIVE's timeline: its bucket (if any event fell in it), the viewers it had, and its on-air seconds.</summary>
/// <param name="Minute">Minute key (minutes since the Unix epoch).</param>
/// <param name="Bucket">Counters of the minute, or null when nothing happened in it.</param>
/// <param name="AverageViewers">Mean viewer samples of the minute, carried forward from earlier minutes when it has none.</param>
/// <param name="OnAirSeconds">Seconds of the minute between the LIVE's start and its end (or now).</param>
public readonly record struct TimelineMinute(long Minute, MinuteBucket? Bucket, decimal AverageViewers, decimal OnAirSeconds)
{
    /// <summary>Start of the minute.</summary>
    public DateTimeOffset At => DateTimeOffset.FromUnixTimeSeconds(Minute * 60);
}

/// <summary>Walks a LIVE minute by minute, so viewer-time and trends are computed one way.</summary>
public static class RollupTimeline
{
    /// <summary>Longest timeline produced (a day of minutes), whatever the timestamps claim.</summary>
    public const int MaxMinutes = 24 * 60;

    /// <summary>
    /// The minutes from the LIVE's first (or <paramref name="since"/>, when later) to its last (end, or
    /// <paramref name="now"/> while on air).
    /// </summary>
    public static IEnumerable<TimelineMinute> Minutes(LiveRollup rollup, DateTimeOffset now, long? since = null)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        if (!rollup.HasData) return [];
        var span = Span(rollup, now);
        var from = Math.Max(span.First, since ?? span.First);
        return From(rollup, span, from, ViewersBefore(rollup, span, from));
    }

    // The viewers carried into `minute`: those of the last minute before it with viewer samples. Looked for backwards, so
    // a read of the last minutes (a watched LIVE's update, every tick) does not decode every sealed minute before them.
    private static decimal ViewersBefore(LiveRollup rollup, TimelineSpan span, long minute)
    {
        for (var m = minute - 1; m >= span.First; m--)
        {
            if (rollup.BucketAt(m)?.AverageViewers is { } viewers) return viewers;
        }
        return 0;
    }

    /// <summary>
    /// The whole LIVE summed as of <paramref name="now"/>: every bucket's counters, and the timeline's viewer-seconds
    /// and on-air seconds. The minutes before the current one (before the end's, for a LIVE that ended) stay summed in
    /// the rollup between calls (<see cref="ClosedMinutes"/>): a call reads only the minutes since the last.
    /// </summary>
    internal static (MinuteBucket Counts, decimal ViewerSeconds, decimal OnAirSeconds) Sum(LiveRollup rollup, DateTimeOffset now)
    {
        var counts = new MinuteBucket();
        if (!rollup.HasData) return (counts, 0, 0);
        var closed = rollup.Closed;
        var span = Span(rollup, now);
        // Minutes before the end's own are complete: their buckets change only by a late event, which drops the sums. The
        // minute before the end's stays open too: a producer's batch that spans a minute's end would otherwise drop them
        // about once a minute, and starting over reads every minute again (sealed ones decoded).
        var closeAt = LiveRollup.MinuteOf(span.End) - 1;
        if (!closed.IsKept || span.Start != closed.Start || span.First != closed.First || closeAt < closed.Until)
        {
            // Buckets before the timeline's first minute (over a day before its last) count in the totals, not the timeline.
            // Found among the buckets, not minute by minute: an order may be dated years before the LIVE.
            var before = new MinuteBucket();
            foreach (var bucket in rollup.BucketsBefore(span.First)) before.AddCounts(bucket);
            closed.Reset(span.Start, span.First, before);
        }
        // Loops, not From's iterator, and no list of the open minutes: a card reads this every tick, and those two objects
        // were a third of what building one allocated. Minutes ascend, so the closed ones all come first, and the open ones
        // are added on after their sums in the timeline's order, as a sum over every minute would be: viewer-seconds are
        // decimals that round.
        var viewers = closed.Viewers;
        var minute = Math.Max(closed.Until, span.First);
        for (; minute <= span.Last && minute < closeAt; minute++) closed.Add(MinuteAt(rollup, span, minute, ref viewers));
        counts.AddCounts(closed.Counts);
        var (viewerSeconds, onAirSeconds) = (closed.ViewerSeconds, closed.OnAirSeconds);
        for (; minute <= span.Last; minute++)
        {
            var m = MinuteAt(rollup, span, minute, ref viewers);
            if (m.Bucket is { } bucket) counts.AddCounts(bucket);
            viewerSeconds += m.AverageViewers * m.OnAirSeconds;
            onAirSeconds += m.OnAirSeconds;
        }
        return (counts, viewerSeconds, onAirSeconds);
    }

    // The instants and minutes a LIVE's timeline covers.
    private readonly record struct TimelineSpan(DateTimeOffset Start, DateTimeOffset End, long First, long Last);

    private static TimelineSpan Span(LiveRollup rollup, DateTimeOffset now)
    {
        var (oldestBucket, newestBucket) = rollup.BucketRange;
        var start = rollup.Start;
        var end = rollup.EndedAt ?? (now > start ? now : start);
        var first = Math.Min(LiveRollup.MinuteOf(start), oldestBucket);
        var last = Math.Max(LiveRollup.MinuteOf(end), newestBucket);
        return new TimelineSpan(start, end, Math.Max(first, last - MaxMinutes + 1), last);
    }

    // The timeline's minutes from minute `from` on, with the viewers carried into it.
    private static IEnumerable<TimelineMinute> From(LiveRollup rollup, TimelineSpan span, long from, decimal viewers)
    {
        for (var minute = Math.Max(from, span.First); minute <= span.Last; minute++) yield return MinuteAt(rollup, span, minute, ref viewers);
    }

    // Minute `minute` of the timeline; `viewers` carries the viewers into it and out of it to the next.
    private static TimelineMinute MinuteAt(LiveRollup rollup, TimelineSpan span, long minute, ref decimal viewers)
    {
        var bucket = rollup.BucketAt(minute);
        viewers = bucket?.AverageViewers ?? viewers;
        var at = DateTimeOffset.FromUnixTimeSeconds(minute * 60);
        var to = at.AddMinutes(1);
        var overlap = (decimal)((to < span.End ? to : span.End) - (at > span.Start ? at : span.Start)).TotalSeconds;
        return new TimelineMinute(minute, bucket, viewers, Math.Max(0, overlap));
    }
}
