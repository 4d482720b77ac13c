using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveGrains.Web.Apis;

/// <summary>The LIVE dashboard of one LIVE, ongoing or completed.</summary>
public static class LivesApi
{
    /// <summary>Maps <c>GET /api/lives/{liveId}</c>.</summary>
    public static void MapLivesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/lives/{liveId}", Get).WithTags("LIVE dashboard").WithName("GetLiveDashboard")
            .WithSummary("Overview, viewer profile, trends, products, promotions, violations and comments of one LIVE");

    private static async Task<Results<Ok<LiveDashboard>, ProblemHttpResult>> Get(string liveId, IGrainFactory grains, ILiveHistoryStore history, CancellationToken cancellationToken)
    {
        var dashboard = await grains.GetGrain<ILiveSessionGrain>(liveId).GetDashboard()
            ?? await history.GetDashboardAsync(liveId, cancellationToken);
        return dashboard is null
            ? TypedResults.Problem($"No LIVE with id '{liveId}' has been seen.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(dashboard);
    }
}
