using LiveGrains.LoadGen.Workloads;

namespace LiveGrains.LoadGen.Dashboards;

/// <summary>
/// Joins the two ends of the event-to-dashboard path: the load runner reports each acknowledged batch, the dashboards
/// report each card they receive. Per LIVE it keeps the acknowledged batches that touched it; per dashboard a cursor.
/// </summary>
public sealed class PushLatencyTracker
{
    private readonly Dictionary<string, LiveTrail> _trails = new(StringComparer.Ordinal);
    private readonly string[][] _livesOfBatch;
    private readonly Dictionary<string, List<string>> _livesOfAgency = new(StringComparer.Ordinal);
    private readonly List<DashboardView> _views = [];
    private readonly int _measuredFrom;

    /// <summary>
    /// A tracker for <paramref name="workload"/>; every LIVE's trail exists up front so no lookup ever adds one. Batches
    /// before <paramref name="measuredFrom"/> (the on-air phase) are tracked, but their latency is kept apart.
    /// </summary>
    public PushLatencyTracker(Workload workload, int measuredFrom = 0)
    {
        ArgumentNullException.ThrowIfNull(workload);
        _measuredFrom = measuredFrom;
        var agencyOfCreator = workload.Creators.ToDictionary(c => c.CreatorId, c => c.AgencyId, StringComparer.Ordinal);
        _livesOfBatch = new string[workload.Batches.Count][];
        for (var i = 0; i < workload.Batches.Count; i++)
        {
            _livesOfBatch[i] = workload.Batches[i].Select(e => e.LiveId).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var e in workload.Batches[i])
            {
                if (_trails.ContainsKey(e.LiveId)) continue;
                _trails[e.LiveId] = new LiveTrail();
                if (agencyOfCreator.TryGetValue(e.CreatorId, out var agency))
                {
                    if (!_livesOfAgency.TryGetValue(agency, out var lives)) _livesOfAgency[agency] = lives = [];
                    lives.Add(e.LiveId);
                }
            }
        }
    }

    /// <summary>
    /// Records that batch <paramref name="batch"/>, first sent at <paramref name="sentAt"/>, was acknowledged just now,
    /// with the event-log sequence each LIVE acknowledged it at when the target reports them.
    /// </summary>
    public void Acked(int batch, DateTimeOffset sentAt, IReadOnlyDictionary<string, long>? sequences)
    {
        var sent = sentAt.UtcTicks;
        foreach (var liveId in _livesOfBatch[batch])
            _trails[liveId].Append(sent, sequences is not null && sequences.TryGetValue(liveId, out var sequence) ? sequence : null, batch >= _measuredFrom);
    }

    /// <summary>A new dashboard watching <paramref name="agencyId"/>.</summary>
    public DashboardView NewView(string agencyId)
    {
        var view = new DashboardView(agencyId, _trails);
        lock (_views) _views.Add(view);
        return view;
    }

    /// <summary>(dashboard, LIVE, batch) triples acknowledged but not yet covered by a message to that dashboard.</summary>
    public long Pending()
    {
        List<DashboardView> views;
        lock (_views) views = [.. _views];
        long pending = 0;
        foreach (var view in views)
            if (_livesOfAgency.TryGetValue(view.AgencyId, out var lives))
                foreach (var liveId in lives) pending += view.PendingFor(liveId);
        return pending;
    }
}
