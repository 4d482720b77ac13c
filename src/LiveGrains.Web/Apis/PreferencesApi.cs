using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveGrains.Web.Apis;

/// <summary>An agency's card and list metrics (each at most 9) and attention thresholds.</summary>
public static class PreferencesApi
{
    /// <summary>Maps the preference routes.</summary>
    public static void MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapAgencyGroup("/preferences", "Preferences");
        group.MapGet("/", (string agencyId, IGrainFactory grains) => grains.GetGrain<IAgencyGrain>(agencyId).GetPreferences())
            .WithName("GetPreferences").WithSummary("Card metrics, list metrics and attention thresholds");
        group.MapPut("/", Put).WithName("SetPreferences").WithSummary("Replace the preferences");
    }

    private static async Task<Results<Ok<AgencyPreferences>, ProblemHttpResult>> Put(string agencyId, AgencyPreferences preferences, IGrainFactory grains)
    {
        var agency = grains.GetGrain<IAgencyGrain>(agencyId);
        var result = await agency.SetPreferences(preferences);
        return result.Succeeded ? TypedResults.Ok(await agency.GetPreferences()) : ApiResults.Refused(result);
    }
}
