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
}
