namespace LiveGrains.Contracts.Directory;

/// <summary>One period during which a creator was bound to an agency.</summary>
/// <param name="CreatorId">Creator id.</param>
/// <param name="AgencyId">Agency id.</param>
/// <param name="BoundAt">Start of the binding.</param>
/// <param name="UnboundAt">End of the binding, or null while it lasts.</param>
public sealed record CreatorBinding(string CreatorId, string AgencyId, DateTimeOffset BoundAt, DateTimeOffset? UnboundAt);
