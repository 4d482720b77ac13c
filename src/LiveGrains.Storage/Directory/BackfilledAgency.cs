namespace LiveGrains.Storage.Directory;

/// <summary>An agency as its grain state describes it, for the directory backfill.</summary>
/// <param name="AgencyId">Agency id.</param>
/// <param name="Name">Its name; its id when it was never named.</param>
public sealed record BackfilledAgency(string AgencyId, string Name);
