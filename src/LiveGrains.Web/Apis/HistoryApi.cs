using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveGrains.Web.Apis;

/// <summary>All LIVEs: creator search and completed LIVEs with date range, sort and paging.</summary>
public static class HistoryApi
{
    /// <summary>Maps the creator and history routes.</summary>
    public static void MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapAgencyGroup("", "All LIVEs");
        group.MapGet("/creators", SearchCreators)
            .WithName("SearchCreators").WithSummary("Creators bound to the agency whose name or id contains the search text, by name, a page at a time");
        group.MapGet("/lives", (string agencyId, [AsParameters] HistoryParameters p, ILiveHistoryStore history, CancellationToken ct) => List(agencyId, null, p, history, ct))
            .WithName("ListCompletedLives").WithSummary("Completed LIVEs of all the agency's creators");
        group.MapGet("/creators/{creatorId}/lives", (string agencyId, string creatorId, [AsParameters] HistoryParameters p, ILiveHistoryStore history, CancellationToken ct) =>
                List(agencyId, creatorId, p, history, ct))
            .WithName("ListCreatorLives").WithSummary("Completed LIVEs of one creator");
    }

    /// <summary>Query string of the creator search.</summary>
    /// <param name="Search">Text the name or id contains (case-insensitive); none lists every bound creator.</param>
    /// <param name="Page">1-based page.</param>
    /// <param name="PageSize">Rows per page (at most 200).</param>
    public sealed record CreatorParameters(string? Search, int? Page, int? PageSize);

    /// <summary>Turns the query string into a creator search, or the problem that names the bad parameter.</summary>
    public static CreatorSearch? ToSearch(string agencyId, CreatorParameters p, out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(p);
        var search = new CreatorSearch(agencyId, p.Search, p.Page ?? 1, p.PageSize ?? CreatorSearch.DefaultPageSize);
        problem = search.Validate() is { } error ? ApiResults.Invalid(error.Split(' ')[0], error) : null;
        return problem is null ? search : null;
    }

    /// <summary>Query string of the history lists.</summary>
    /// <param name="From">Started at or after (ISO 8601).</param>
    /// <param name="To">Started before (ISO 8601).</param>
    /// <param name="Sort">started_desc, started_asc, metric_desc or metric_asc.</param>
    /// <param name="SortMetric">Catalog key for the metric sorts.</param>
    /// <param name="Page">1-based page.</param>
    /// <param name="PageSize">Rows per page (at most 200).</param>
    public sealed record HistoryParameters(DateTimeOffset? From, DateTimeOffset? To, string? Sort, string? SortMetric, int? Page, int? PageSize);

    /// <summary>Turns the query string into a history query, or the problem that names the bad parameter.</summary>
    public static HistoryQuery? ToQuery(string agencyId, string? creatorId, HistoryParameters p, out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!ApiResults.TryParseEnum<HistorySort>(p.Sort, "sort", out var sort, out problem)) return null;
        var query = new HistoryQuery(agencyId, creatorId, p.From, p.To, sort ?? HistorySort.StartedDesc, p.SortMetric, p.Page ?? 1, p.PageSize ?? 20);
        if (query.Validate() is { } error)
        {
            problem = ApiResults.Invalid(error.Split(' ')[0], error);
            return null;
        }
        return query;
    }

    private static async Task<Results<Ok<Page<CreatorProfile>>, ValidationProblem>> SearchCreators(
        string agencyId, [AsParameters] CreatorParameters p, ICreatorDirectory directory, CancellationToken cancellationToken)
    {
        var search = ToSearch(agencyId, p, out var problem);
        return search is null ? problem! : TypedResults.Ok(await directory.SearchCreatorsAsync(search, cancellationToken));
    }

    private static async Task<Results<Ok<Page<LiveSummary>>, ValidationProblem>> List(
        string agencyId, string? creatorId, HistoryParameters p, ILiveHistoryStore history, CancellationToken cancellationToken)
    {
        var query = ToQuery(agencyId, creatorId, p, out var problem);
        return query is null ? problem! : TypedResults.Ok(await history.QueryAsync(query, cancellationToken));
    }
}
