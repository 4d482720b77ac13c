namespace LiveGrains.Grains.Rollup;

/// <summary>
/// What a LIVE's minutes before <see cref="Until"/> add up to, kept between reads of its totals: a LIVE builds its card
/// from them every tick, and summing every minute it had each time made that cost grow with its time on air (about 17 µs
/// a card after three hours, 66 µs after twelve, against 2 µs after three minutes). Only the minutes from
/// <see cref="Until"/> on are read again. The rollup reports every event applied to a minute before <see cref="Until"/>
/// (a late event): what it added to the minute's counters is added here too, and a viewer sample drops what is kept, as
/// do a change of the LIVE's start or of the first minute of its timeline, and a read at an earlier instant than the
/// last. Not state: a copy of the rollup starts without it.
/// </summary>
internal sealed class ClosedMinutes
{
    /// <summary>Minutes before this one are summed below; <see cref="long.MinValue"/> while nothing is kept.</summary>
    public long Until = long.MinValue;

    /// <summary>The LIVE's start when the sums were made.</summary>
    public DateTimeOffset Start;

    /// <summary>The timeline's first minute when the sums were made.</summary>
    public long First;

    /// <summary>The counters of every bucket before <see cref="Until"/>.</summary>
    public MinuteBucket Counts = new();

    /// <summary>Viewer-seconds and on-air seconds of the timeline's minutes before <see cref="Until"/>.</summary>
    public decimal ViewerSeconds, OnAirSeconds;

    /// <summary>The viewers carried into minute <see cref="Until"/>.</summary>
    public decimal Viewers;

    /// <summary>True while sums are kept.</summary>
    public bool IsKept => Until != long.MinValue;

    /// <summary>Whether <paramref name="minute"/> is among the minutes summed.</summary>
    public bool Covers(long minute) => minute < Until;

    /// <summary>
    /// An event was applied to a minute summed here, whose counters were <paramref name="before"/> and are now
    /// <paramref name="after"/>: the difference is added to the sums. An event that changed the minute's viewer samples
    /// drops them instead, since the viewers carried into the minutes after it change too.
    /// </summary>
    public void Late(bool samplesChanged, MinuteBucket before, MinuteBucket? after)
    {
        if (samplesChanged)
        {
            Until = long.MinValue;
            return;
        }
        if (after is not null) Counts.AddCounts(after);
        Counts.SubtractCounts(before);
    }

    /// <summary>Starts over from the timeline's first minute, with the counters of the buckets before it.</summary>
    public void Reset(DateTimeOffset start, long first, MinuteBucket before)
    {
        (Start, First, Counts) = (start, first, before);
        (ViewerSeconds, OnAirSeconds, Viewers, Until) = (0, 0, 0, first);
    }

    /// <summary>Adds the next minute, <see cref="Until"/>, which is complete.</summary>
    public void Add(TimelineMinute minute)
    {
        if (minute.Bucket is { } bucket) Counts.AddCounts(bucket);
        ViewerSeconds += minute.AverageViewers * minute.OnAirSeconds;
        OnAirSeconds += minute.OnAirSeconds;
        Viewers = minute.AverageViewers;
        Until = minute.Minute + 1;
    }
}
