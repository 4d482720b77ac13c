using LiveGrains.Contracts.Events;

namespace LiveGrains.Simulation.Truth;

/// <summary>
/// Accumulates, from the events a load test sent, what every LIVE's totals must be. Feed it every event exactly as
/// sent (including deliberate duplicates, in any order); retries of the same batch are not fed again, because they
/// carry the same event ids and change nothing.
/// </summary>
public sealed class GroundTruth
{
    private readonly Dictionary<string, LiveTruth> _lives = new(StringComparer.Ordinal);

    /// <summary>Events fed so far.</summary>
    public long Events { get; private set; }

    /// <summary>LIVEs seen so far.</summary>
    public int Lives => _lives.Count;

    /// <summary>Applies one event and says what a correct system does with it.</summary>
    public EventOutcome Add(LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_lives.TryGetValue(e.LiveId, out var live)) _lives[e.LiveId] = live = new LiveTruth(e.LiveId);
        Events++;
        return live.Apply(e);
    }

    /// <summary>Applies every event of <paramref name="events"/>.</summary>
    public void AddRange(IEnumerable<LiveEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events) Add(e);
    }

    /// <summary>Totals of every LIVE seen, by LIVE id.</summary>
    public IReadOnlyDictionary<string, LiveTotals> Totals() =>
        _lives.ToDictionary(p => p.Key, p => p.Value.Totals(), StringComparer.Ordinal);

    /// <summary>Events a correct system accepts.</summary>
    public long Accepted => _lives.Values.Sum(l => l.Totals().AcceptedEvents);

    /// <summary>Events a correct system rejects.</summary>
    public long Rejected => _lives.Values.Sum(l => l.Rejected);
}
