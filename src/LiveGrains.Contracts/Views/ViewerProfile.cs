using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>Who watched: breakdowns of the LIVE's views.</summary>
/// <param name="Gender">By gender.</param>
/// <param name="AgeBands">By age band.</param>
/// <param name="Regions">By region, largest first.</param>
/// <param name="Followers">Followers vs non-followers.</param>
/// <param name="TrafficSources">By traffic source.</param>
[GenerateSerializer, Immutable, Alias("lg.ViewerProfile")]
public sealed record ViewerProfile(
    [property: Id(0)] IReadOnlyList<ProfileSlice> Gender,
    [property: Id(1)] IReadOnlyList<ProfileSlice> AgeBands,
    [property: Id(2)] IReadOnlyList<ProfileSlice> Regions,
    [property: Id(3)] IReadOnlyList<ProfileSlice> Followers,
    [property: Id(4)] IReadOnlyList<ProfileSlice> TrafficSources);
