namespace LiveGrains.LoadGen.Targets;

/// <summary>What the system acknowledged for one request.</summary>
/// <param name="Accepted">Events newly accepted.</param>
/// <param name="Duplicates">Events recognised as already seen.</param>
/// <param name="Rejected">Events refused.</param>
/// <param name="Sequences">Per LIVE, the event-log sequence the acknowledgement covers, when the target reports it (grain calls do).</param>
public sealed record SendOutcome(int Accepted, int Duplicates, int Rejected, IReadOnlyDictionary<string, long>? Sequences = null);
