using LiveGrains.Contracts.Events;

namespace LiveGrains.Contracts.Grains;

/// <summary>The events of one LIVE taken from a mixed batch, with where each stood in it.</summary>
public sealed class LiveBatch
{
    private LiveBatch(string liveId) => LiveId = liveId;

    /// <summary>The LIVE all <see cref="Events"/> belong to.</summary>
    public string LiveId { get; }

    /// <summary>This LIVE's events, in their order in the mixed batch.</summary>
    public List<LiveEvent> Events { get; } = [];

    /// <summary>For each of <see cref="Events"/>, its index in the mixed batch.</summary>
    public List<int> Indexes { get; } = [];

    /// <summary>
    /// Splits a mixed batch by LIVE in one pass, LIVEs in order of first appearance. Ingest runs this on every request,
    /// so it avoids LINQ's grouping, which built a lookup and then copied each group again.
    /// </summary>
    /// <exception cref="ArgumentException">An event is null or has no LIVE id.</exception>
    public static List<LiveBatch> SplitByLive(IReadOnlyList<LiveEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var parts = new List<LiveBatch>();
        var byLive = new Dictionary<string, LiveBatch>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var liveId = events[i]?.LiveId ?? throw new ArgumentException($"Event {i} has no liveId.", nameof(events));
            if (!byLive.TryGetValue(liveId, out var part))
            {
                part = new LiveBatch(liveId);
                byLive.Add(liveId, part);
                parts.Add(part);
            }
            part.Events.Add(events[i]);
            part.Indexes.Add(i);
        }
        return parts;
    }
}
