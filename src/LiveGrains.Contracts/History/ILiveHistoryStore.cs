using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.History;

/// <summary>
/// The history read model: completed LIVEs for All LIVEs, creator search and export. Written by LIVE
/// grains at end of LIVE; read with paging, never by fanning out to grains.
/// </summary>
public interface ILiveHistoryStore
{
    /// <summary>Stores (or replaces, for late events) the final record of a LIVE.</summary>
    Task SaveAsync(LiveHistoryRecord record, CancellationToken cancellationToken);

    /// <summary>One page of an agency's completed LIVEs.</summary>
    Task<Page<LiveSummary>> QueryAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>All matching rows in order, streamed (for export).</summary>
    IAsyncEnumerable<LiveSummary> StreamAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>The stored dashboard of a completed LIVE, or null.</summary>
    Task<LiveDashboard?> GetDashboardAsync(string liveId, CancellationToken cancellationToken);
}
