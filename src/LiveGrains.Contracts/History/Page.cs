namespace LiveGrains.Contracts.History;

/// <summary>One page of a list and the total behind it.</summary>
/// <param name="Items">Rows of this page.</param>
/// <param name="PageNumber">1-based page number.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Rows across all pages.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);
