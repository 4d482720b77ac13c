using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>A creator as the agency sees it.</summary>
/// <param name="CreatorId">Creator id.</param>
/// <param name="Name">Display name.</param>
/// <param name="AvatarUrl">Avatar image.</param>
/// <param name="CreatorType">Seller or affiliate.</param>
/// <param name="AgencyId">Bound agency, if any.</param>
/// <param name="CurrentLiveId">LIVE on air now, if any.</param>
[GenerateSerializer, Immutable, Alias("lg.CreatorProfile")]
public sealed record CreatorProfile(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? AvatarUrl,
    [property: Id(3)] CreatorType CreatorType,
    [property: Id(4)] string? AgencyId,
    [property: Id(5)] string? CurrentLiveId);
