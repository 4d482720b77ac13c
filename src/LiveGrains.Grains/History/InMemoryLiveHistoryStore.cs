using System.Runtime.CompilerServices;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.History;

/// <summary>
/// The history read model of embedded mode: the same contract as the Postgres store, held in memory
/// for the life of the process.
/// </summary>
public sealed class InMemoryLiveHistoryStore : ILiveHistoryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LiveHistoryRecord> _records = [];

    /// <inheritdoc />
    public Task SaveAsync(LiveHistoryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate) _records[record.Summary.LiveId] = record;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Page<LiveSummary>> QueryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = Matching(query);
        var items = rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return Task.FromResult(new Page<LiveSummary>(items, query.Page, query.PageSize, rows.Count));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LiveSummary> StreamAsync(HistoryQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var row in Matching(query))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<LiveDashboard?> GetDashboardAsync(string liveId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_records.GetValueOrDefault(liveId)?.Dashboard);
    }

    private List<LiveSummary> Matching(HistoryQuery q)
    {
        List<LiveSummary> rows;
        lock (_gate)
        {
            rows = _records.Values.Select(r => r.Summary)
                .Where(s => s.AgencyId == q.AgencyId && (q.CreatorId is null || s.CreatorId == q.CreatorId))
                .Where(s => (q.From is null || s.StartedAt >= q.From) && (q.To is null || s.StartedAt < q.To))
                .ToList();
        }
        decimal? Metric(LiveSummary s) => q.SortMetric is null ? null : s.Metrics.GetValueOrDefault(q.SortMetric);
        IOrderedEnumerable<LiveSummary> ordered = q.Sort switch
        {
            HistorySort.StartedAsc => rows.OrderBy(s => s.StartedAt),
            // Rows without a value sort last in both directions, as SQL's NULLS LAST does.
            HistorySort.MetricAsc => rows.OrderBy(s => Metric(s) is null).ThenBy(Metric).ThenByDescending(s => s.StartedAt),
            HistorySort.MetricDesc => rows.OrderBy(s => Metric(s) is null).ThenByDescending(Metric).ThenByDescending(s => s.StartedAt),
            _ => rows.OrderByDescending(s => s.StartedAt),
        };
        return ordered.ThenBy(s => s.LiveId, StringComparer.Ordinal).ToList();
    }
}
