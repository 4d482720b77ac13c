using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;

namespace LiveGrains.Grains.Tests.Support;

internal static class Setup
{
    /// <summary>A fresh agency with the given creators bound to it.</summary>
    public static async Task<IAgencyGrain> AgencyWithCreator(IGrainFactory grains, params string[] creators)
    {
        var agencyId = $"agency-{Guid.NewGuid():N}";
        var agency = grains.GetGrain<IAgencyGrain>(agencyId);
        await agency.Rename("Test agency");
        foreach (var creator in creators)
        {
            var grain = grains.GetGrain<ICreatorGrain>(creator);
            await grain.SetProfile($"Creator {creator}", null, CreatorType.Affiliate);
            await grain.BindAgency(agencyId);
        }
        return agency;
    }
}
