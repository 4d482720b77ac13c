using System.Diagnostics;

namespace LiveGrains.LoadGen.Durable;

/// <summary>
/// Sustained throughput of a round: events acknowledged between the moment the first 5 % of the round were acknowledged
/// and the moment 95 % were, over the time between those moments. It leaves out the ramp-up and the drain: at the end of
/// a finite round only the LIVEs with the most appends are left, one append in flight each, which says how the
/// workload ends, not how fast the writer goes while LIVEs keep sending.
/// </summary>
internal sealed class SteadyWindow(long total)
{
    private readonly long _from = total / 20;
    private readonly long _to = total - total / 20;
    private readonly Lock _gate = new();
    private long _acknowledged;
    private (long Events, long Timestamp)? _start;
    private (long Events, long Timestamp)? _end;

    /// <summary>Counts <paramref name="events"/> as acknowledged now.</summary>
    public void Acknowledged(long events) => Acknowledged(events, Stopwatch.GetTimestamp());

    /// <summary>Counts <paramref name="events"/> as acknowledged at <paramref name="now"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Acknowledged(long events, long now)
    {
        lock (_gate)
        {
            _acknowledged += events;
            if (_start is null && _acknowledged >= _from) _start = (_acknowledged, now);
            else if (_end is null && _acknowledged >= _to) _end = (_acknowledged, now);
        }
    }

    /// <summary>Events per second inside the window; the whole round's rate when the round was too short to have one.</summary>
    public double EventsPerSecond(double wholeRoundRate)
    {
        lock (_gate)
        {
            if (_start is not { } start || _end is not { } end || end.Timestamp <= start.Timestamp) return wholeRoundRate;
            return (end.Events - start.Events) / Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        }
    }
}
