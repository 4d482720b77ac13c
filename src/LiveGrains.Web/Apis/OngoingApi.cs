using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveGrains.Web.Apis;

/// <summary>The Ongoing LIVEs page and its pins.</summary>
public static class OngoingApi
{
    /// <summary>Maps the ongoing and pin routes.</summary>
    public static void MapOngoingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapAgencyGroup("", "Ongoing LIVEs");
        group.MapGet("/lives/ongoing", GetOngoing).WithName("GetOngoingLives")
            .WithSummary("Ongoing LIVEs of the agency: filter by status, creator name and type; sort; pinned first");
        group.MapPut("/pins/{liveId}", Pin).WithName("PinLive").WithSummary("Pin an ongoing LIVE (at most 3)");
        group.MapDelete("/pins/{liveId}", Unpin).WithName("UnpinLive").WithSummary("Unpin a LIVE");
    }

    private static async Task<Results<Ok<OngoingLives>, ValidationProblem>> GetOngoing(
        string agencyId, string? status, string? creator, string? creatorType, string? sort, IGrainFactory grains)
    {
        if (!ApiResults.TryParseEnum<OngoingStatusFilter>(status, "status", out var statusFilter, out var problem)
            || !ApiResults.TryParseEnum<CreatorType>(creatorType, "creatorType", out var type, out problem)
            || !ApiResults.TryParseEnum<OngoingSort>(sort, "sort", out var order, out problem))
        {
            return problem!;
        }
        var query = new OngoingQuery(statusFilter ?? OngoingStatusFilter.All, creator, type, order ?? OngoingSort.Latest);
        return TypedResults.Ok(await grains.GetGrain<IAgencyGrain>(agencyId).GetOngoing(query));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Pin(string agencyId, string liveId, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IAgencyGrain>(agencyId).Pin(liveId);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Refused(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unpin(string agencyId, string liveId, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IAgencyGrain>(agencyId).Unpin(liveId);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Refused(result);
    }
}
