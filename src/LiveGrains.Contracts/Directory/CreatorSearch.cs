namespace LiveGrains.Contracts.Directory;

/// <summary>A creator search within one agency.</summary>
/// <param name="AgencyId">Agency whose bound creators are searched.</param>
/// <param name="Search">Text that the name or the id contains (case-insensitive); null or blank lists every creator.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record CreatorSearch(string AgencyId, string? Search = null, int Page = 1, int PageSize = CreatorSearch.DefaultPageSize)
{
    /// <summary>Rows per page when the caller does not say.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Longest search text: a creator's name is at most 100 characters, so a longer text matches nothing.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>The search text trimmed, or null when there is none.</summary>
    public string? Term => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    /// <summary>Checks paging and the search text; returns the problem (starting with the field's name) or null.</summary>
    public string? Validate() =>
        Page < 1 ? "page must be 1 or more"
        : PageSize is < 1 or > MaxPageSize ? $"pageSize must be between 1 and {MaxPageSize}"
        : Term?.Length > MaxSearchLength ? $"search must be at most {MaxSearchLength} characters"
        : null;
}
