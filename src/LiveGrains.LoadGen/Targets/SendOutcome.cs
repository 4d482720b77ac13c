namespace LiveGrains.LoadGen.Targets;

/// <summary>What the system acknowledged for one request.</summary>
/// <param name="Accepted">Events newly accepted.</param>
/// <param name="Duplicates">Events recognised as already seen.</param>
/// <param name="Rejected">Events refused.</param>
public sealed record SendOutcome(int Accepted, int Duplicates, int Rejected);
