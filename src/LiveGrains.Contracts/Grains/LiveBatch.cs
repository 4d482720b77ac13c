using System.Buffers;
using LiveGrains.Contracts.Events;

namespace LiveGrains.Contracts.Grains;

/// <summary>The events of one LIVE taken from a mixed batch, with where each stood in it.</summary>
public sealed class LiveBatch
{
    [ThreadStatic] private static Dictionary<string, int>? t_byLive;

    private readonly IReadOnlyList<LiveEvent> _mixed;
    private int[]? _indexes;

    private LiveBatch(string liveId, LiveEvent[] events, IReadOnlyList<LiveEvent> mixed)
    {
        LiveId = liveId;
        Events = events;
        _mixed = mixed;
    }

    /// <summary>The LIVE all <see cref="Events"/> belong to.</summary>
    public string LiveId { get; }

    /// <summary>This LIVE's events, in their order in the mixed batch.</summary>
    public LiveEvent[] Events { get; }

    /// <summary>
    /// For each of <see cref="Events"/>, its index in the mixed batch. Found on first use by scanning the mixed batch:
    /// only rejected events need it, and most calls have none.
    /// </summary>
    public IReadOnlyList<int> Indexes => _indexes ??= FindIndexes();

    /// <summary>
    /// Splits a mixed batch by LIVE, LIVEs in order of first appearance. Ingest runs this on every request, and a request
    /// of a thousand events typically holds a few hundred LIVEs with one or two events each, so it counts each LIVE's
    /// events first and fills arrays of exactly that size: growing a list per LIVE cost more than the split itself.
    /// </summary>
    /// <exception cref="ArgumentException">An event is null or has no LIVE id.</exception>
    public static List<LiveBatch> SplitByLive(IReadOnlyList<LiveEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var partOf = ArrayPool<int>.Shared.Rent(events.Count);
        // The split never awaits, so a thread can reuse one lookup; sized for a request, it cost more than the parts.
        var byLive = t_byLive ??= new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var sizes = new List<int>();
            for (var i = 0; i < events.Count; i++)
            {
                var liveId = events[i]?.LiveId ?? throw new ArgumentException($"Event {i} has no liveId.", nameof(events));
                if (!byLive.TryGetValue(liveId, out var part))
                {
                    part = sizes.Count;
                    byLive.Add(liveId, part);
                    sizes.Add(0);
                }
                partOf[i] = part;
                sizes[part]++;
            }
            var parts = new List<LiveBatch>(sizes.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var part = partOf[i];
                if (part == parts.Count) parts.Add(new LiveBatch(events[i].LiveId, new LiveEvent[sizes[part]], events));
                // sizes now counts down: the next free slot of the part is its size minus what is still to come.
                var target = parts[part].Events;
                target[target.Length - sizes[part]--] = events[i];
            }
            return parts;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(partOf);
            byLive.Clear();
        }
    }

    private int[] FindIndexes()
    {
        var indexes = new int[Events.Length];
        for (int i = 0, found = 0; found < indexes.Length; i++)
        {
            if (string.Equals(_mixed[i].LiveId, LiveId, StringComparison.Ordinal)) indexes[found++] = i;
        }
        return indexes;
    }
}
