using LiveGrains.Contracts.Events;

namespace LiveGrains.Simulation;

/// <summary>A simulated creator and the agency it is bound to.</summary>
/// <param name="CreatorId">Creator id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Seller or affiliate.</param>
/// <param name="AgencyId">Bound agency.</param>
public sealed record SimCreator(string CreatorId, string Name, CreatorType Type, string AgencyId);
