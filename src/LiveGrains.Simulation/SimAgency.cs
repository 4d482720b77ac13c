namespace LiveGrains.Simulation;

/// <summary>A simulated agency.</summary>
/// <param name="AgencyId">Agency id.</param>
/// <param name="Name">Display name.</param>
public sealed record SimAgency(string AgencyId, string Name);
