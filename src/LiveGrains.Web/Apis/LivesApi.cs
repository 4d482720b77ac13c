using System.Security.Claims;
using LiveGrains.Web.Auth;
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

    private static async Task<Results<Ok<LiveDashboard>, ProblemHttpResult>> Get(
        string liveId, ClaimsPrincipal user, IGrainFactory grains, ILiveHistoryStore history, CancellationToken cancellationToken)
    {
        var dashboard = await Find(liveId, grains, history, cancellationToken);
        if (dashboard is null) return TypedResults.Problem($"No LIVE with id '{liveId}' has been seen.", statusCode: StatusCodes.Status404NotFound);
        return user.CanReach(dashboard.Card.AgencyId)
            ? TypedResults.Ok(dashboard)
            : TypedResults.Problem($"LIVE '{liveId}' belongs to another agency.", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>A LIVE's dashboard from its grain, or from history once the grain has nothing (null when never seen).</summary>
    public static async Task<LiveDashboard?> Find(string liveId, IGrainFactory grains, ILiveHistoryStore history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(history);
        return await grains.GetGrain<ILiveSessionGrain>(liveId).GetDashboard() ?? await history.GetDashboardAsync(liveId, cancellationToken);
    }
}
