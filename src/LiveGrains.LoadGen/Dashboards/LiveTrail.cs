namespace LiveGrains.LoadGen.Dashboards;

/// <summary>
/// The acknowledged batches that touched one LIVE, in acknowledgement order. Append-only, so each dashboard keeps just
/// a cursor into it; the acknowledgement stamp is taken under the lock, which keeps the stamps ascending.
/// </summary>
internal sealed class LiveTrail
{
    private readonly Lock _gate = new();
    private readonly List<TrailEntry> _entries = [];

    /// <summary>
    /// Appends a batch sent at <paramref name="sentTicks"/> (UTC ticks), acknowledged now, at the LIVE's
    /// <paramref name="sequence"/> when the target reported it; <paramref name="measured"/> is false for a batch of the
    /// on-air phase.
    /// </summary>
    public void Append(long sentTicks, long? sequence, bool measured)
    {
        lock (_gate) _entries.Add(new TrailEntry(sentTicks, DateTimeOffset.UtcNow.UtcTicks, sequence, measured));
    }

    /// <summary>Entries in the trail.</summary>
    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>
    /// Moves <paramref name="cursor"/> past every entry for which <paramref name="receivedAt"/> finds the receipt of a
    /// message that showed it, handing the entry and that receipt time to <paramref name="observe"/>; returns the new
    /// cursor.
    /// </summary>
    public int Advance(int cursor, Func<TrailEntry, long?> receivedAt, Action<TrailEntry, long> observe)
    {
        lock (_gate)
        {
            while (cursor < _entries.Count && receivedAt(_entries[cursor]) is { } received)
            {
                observe(_entries[cursor], received);
                cursor++;
            }
        }
        return cursor;
    }
}

/// <summary>One acknowledged batch in a LIVE's trail.</summary>
/// <param name="SentTicks">When the batch was first sent (UTC ticks).</param>
/// <param name="AckedTicks">When its acknowledgement arrived.</param>
/// <param name="Sequence">The LIVE's event-log sequence it was acknowledged at, when the target reports one.</param>
/// <param name="Measured">False for a batch of the unmeasured on-air phase.</param>
internal readonly record struct TrailEntry(long SentTicks, long AckedTicks, long? Sequence, bool Measured);
