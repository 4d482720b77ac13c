using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>Filters and sort of the Ongoing LIVEs page, answered by the agency grain in one call.</summary>
/// <param name="Status">All, in violation, or need attention.</param>
/// <param name="CreatorName">Case-insensitive part of the creator's name.</param>
/// <param name="CreatorType">Seller or affiliate; null for both.</param>
/// <param name="Sort">Sort order; pinned LIVEs always come first.</param>
[GenerateSerializer, Immutable, Alias("lg.OngoingQuery")]
public sealed record OngoingQuery(
    [property: Id(0)] OngoingStatusFilter Status,
    [property: Id(1)] string? CreatorName,
    [property: Id(2)] CreatorType? CreatorType,
    [property: Id(3)] OngoingSort Sort)
{
    /// <summary>No filter, latest first.</summary>
    public static OngoingQuery Default { get; } = new(OngoingStatusFilter.All, null, null, OngoingSort.Latest);
}
