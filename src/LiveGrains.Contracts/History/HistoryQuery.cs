using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.History;

/// <summary>A query over completed LIVEs of one agency.</summary>
/// <param name="AgencyId">Agency whose LIVEs are listed.</param>
/// <param name="CreatorId">Only this creator's LIVEs, or all.</param>
/// <param name="From">LIVEs started at or after this instant.</param>
/// <param name="To">LIVEs started before this instant.</param>
/// <param name="Sort">Order of rows.</param>
/// <param name="SortMetric">Catalog key for the metric sorts.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record HistoryQuery(
    string AgencyId,
    string? CreatorId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    HistorySort Sort = HistorySort.StartedDesc,
    string? SortMetric = null,
    int Page = 1,
    int PageSize = 20)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Checks paging and sort metric; returns the problem or null.</summary>
    public string? Validate()
    {
        return Page < 1 ? "page must be 1 or more"
            : PageSize is < 1 or > HistoryQuery.MaxPageSize ? $"pageSize must be between 1 and {HistoryQuery.MaxPageSize}"
            : From > To ? "from must not be after to"
            : Sort is HistorySort.MetricAsc or HistorySort.MetricDesc && (SortMetric is null || MetricCatalog.Find(SortMetric) is null)
                ? $"sortMetric must be a catalog metric key when sorting by metric (got '{SortMetric}')"
            : null;
    }
}
