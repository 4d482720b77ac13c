namespace LiveGrains.LoadGen.Dashboards;

/// <summary>
/// The acknowledged batches that touched one LIVE, in acknowledgement order. Append-only, so each dashboard keeps just
/// a cursor into it; the acknowledgement stamp is taken under the lock, which keeps the stamps ascending.
/// </summary>
internal sealed class LiveTrail
{
    private readonly Lock _gate = new();
    private readonly List<(long SentTicks, long AckedTicks)> _entries = [];

    /// <summary>Appends a batch sent at <paramref name="sentTicks"/> (UTC ticks), acknowledged now.</summary>
    public void Append(long sentTicks)
    {
        lock (_gate) _entries.Add((sentTicks, DateTimeOffset.UtcNow.UtcTicks));
    }

    /// <summary>Entries in the trail.</summary>
    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>
    /// Moves <paramref name="cursor"/> past every entry acknowledged at or before <paramref name="coveredUpToTicks"/>,
    /// handing each entry's send time to <paramref name="observe"/>; returns the new cursor.
    /// </summary>
    public int Advance(int cursor, long coveredUpToTicks, Action<long> observe)
    {
        lock (_gate)
        {
            while (cursor < _entries.Count && _entries[cursor].AckedTicks <= coveredUpToTicks)
            {
                observe(_entries[cursor].SentTicks);
                cursor++;
            }
        }
        return cursor;
    }
}
