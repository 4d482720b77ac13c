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

    /// <summary>The minutes from the LIVE's first to its last (end, or <paramref name="now"/> while on air).</summary>
    public static IEnumerable<TimelineMinute> Minutes(LiveRollup rollup, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        if (!rollup.HasData) yield break;
        var start = rollup.Start;
        var end = rollup.EndedAt ?? (now > start ? now : start);
        var first = LiveRollup.MinuteOf(start);
        var last = LiveRollup.MinuteOf(end);
        if (rollup.Minutes.Count > 0)
        {
            first = Math.Min(first, rollup.Minutes.Keys.Min());
            last = Math.Max(last, rollup.Minutes.Keys.Max());
        }
        first = Math.Max(first, last - MaxMinutes + 1);

        decimal viewers = 0;
        for (var minute = first; minute <= last; minute++)
        {
            rollup.Minutes.TryGetValue(minute, out var bucket);
            viewers = bucket?.AverageViewers ?? viewers;
            var from = DateTimeOffset.FromUnixTimeSeconds(minute * 60);
            var to = from.AddMinutes(1);
            var overlap = (decimal)((to < end ? to : end) - (from > start ? from : start)).TotalSeconds;
            yield return new TimelineMinute(minute, bucket, viewers, Math.Max(0, overlap));
        }
    }
}
