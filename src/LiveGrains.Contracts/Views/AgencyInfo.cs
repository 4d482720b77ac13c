using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>An agency and how many creators it has bound.</summary>
/// <param name="AgencyId">Agency id.</param>
/// <param name="Name">Display name.</param>
/// <param name="BoundCreators">Creators bound to it.</param>
[GenerateSerializer, Immutable, Alias("lg.AgencyInfo")]
public sealed record AgencyInfo(
    [property: Id(0)] string AgencyId,
    [property: Id(1)] string Name,
    [property: Id(2)] int BoundCreators);
