using LiveGrains.Contracts.Events;

namespace LiveGrains.Storage.Directory;

/// <summary>A creator as its grain state describes it, for the directory backfill.</summary>
/// <param name="CreatorId">Creator id.</param>
/// <param name="Name">Display name; its id when it never set a profile.</param>
/// <param name="AvatarUrl">Avatar image, if any.</param>
/// <param name="CreatorType">Seller or affiliate.</param>
/// <param name="AgencyId">The agency it is bound to, if any.</param>
public sealed record BackfilledCreator(string CreatorId, string Name, string? AvatarUrl, CreatorType CreatorType, string? AgencyId);
