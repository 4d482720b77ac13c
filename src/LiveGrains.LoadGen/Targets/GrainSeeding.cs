using LiveGrains.Contracts.Grains;
using LiveGrains.LoadGen.Workloads;

namespace LiveGrains.LoadGen.Targets;

/// <summary>
/// Creates the world's agencies and binds its creators before a run, as the demo does: without a bound agency a LIVE
/// has no card to push, and the benchmark would skip the fan-out that production pays for.
/// </summary>
public static class GrainSeeding
{
    /// <summary>Names every agency, then sets every creator's profile and agency with bounded parallelism.</summary>
    public static async Task SeedAsync(IGrainFactory grains, Workload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(workload);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(workload.Agencies, parallel, async (a, _) => await grains.GetGrain<IAgencyGrain>(a.AgencyId).Rename(a.Name));
        await Parallel.ForEachAsync(workload.Creators, parallel, async (c, _) =>
        {
            var creator = grains.GetGrain<ICreatorGrain>(c.CreatorId);
            await creator.SetProfile(c.Name, null, c.Type);
            await creator.BindAgency(c.AgencyId);
        });
    }
}
