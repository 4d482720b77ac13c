using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using LiveGrains.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveGrains.Web.Apis;

/// <summary>Routes for internal services: create agencies, set creator profiles, bind and unbind creators.</summary>
public static class AdminApi
{
    /// <summary>Agency create/rename request.</summary>
    /// <param name="Name">Display name.</param>
    public sealed record AgencyRequest(string Name);

    /// <summary>Creator profile request.</summary>
    /// <param name="Name">Display name.</param>
    /// <param name="AvatarUrl">Avatar image.</param>
    /// <param name="CreatorType">Seller or affiliate.</param>
    public sealed record CreatorRequest(string Name, string? AvatarUrl, CreatorType CreatorType);

    /// <summary>Maps the admin routes (internal-service tokens only).</summary>
    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(LiveClaims.ServicePolicy);
        group.MapPut("/agencies/{agencyId}", PutAgency).WithName("PutAgency").WithSummary("Create an agency or rename it");
        group.MapPut("/creators/{creatorId}", PutCreator).WithName("PutCreator").WithSummary("Set a creator's profile");
        group.MapPut("/agencies/{agencyId}/creators/{creatorId}", Bind).WithName("BindCreator").WithSummary("Bind a creator to an agency (moving it from any other)");
        group.MapDelete("/agencies/{agencyId}/creators/{creatorId}", Unbind).WithName("UnbindCreator").WithSummary("Unbind a creator from an agency");
    }

    private static async Task<Results<Ok<AgencyInfo>, ValidationProblem>> PutAgency(string agencyId, AgencyRequest request, IGrainFactory grains) =>
        string.IsNullOrWhiteSpace(request?.Name)
            ? ApiResults.Invalid("name", "is required")
            : TypedResults.Ok(await grains.GetGrain<IAgencyGrain>(agencyId).Rename(request.Name));

    private static async Task<Results<Ok<CreatorProfile>, ProblemHttpResult>> PutCreator(string creatorId, CreatorRequest request, IGrainFactory grains)
    {
        var creator = grains.GetGrain<ICreatorGrain>(creatorId);
        var result = await creator.SetProfile(request.Name, request.AvatarUrl, request.CreatorType);
        return result.Succeeded ? TypedResults.Ok(await creator.GetProfile()) : ApiResults.Refused(result);
    }

    private static async Task<Results<Ok<CreatorProfile>, ProblemHttpResult>> Bind(string agencyId, string creatorId, IGrainFactory grains)
    {
        var creator = grains.GetGrain<ICreatorGrain>(creatorId);
        var result = await creator.BindAgency(agencyId);
        return result.Succeeded ? TypedResults.Ok(await creator.GetProfile()) : ApiResults.Refused(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unbind(string agencyId, string creatorId, IGrainFactory grains)
    {
        var result = await grains.GetGrain<ICreatorGrain>(creatorId).UnbindAgency(agencyId);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Refused(result);
    }
}
