namespace LiveGrains.Grains.Rollup;

/// <summary>What applying one event did.</summary>
/// <param name="Kind">Accepted, duplicate or rejected.</param>
/// <param name="Reason">Why it was rejected.</param>
public readonly record struct ApplyOutcome(ApplyKind Kind, string? Reason = null)
{
    public static ApplyOutcome Accepted => new(ApplyKind.Accepted);
    public static ApplyOutcome Duplicate => new(ApplyKind.Duplicate);
    public static ApplyOutcome Reject(string reason) => new(ApplyKind.Rejected, reason);
}

/// <summary>Kinds of <see cref="ApplyOutcome"/>.</summary>
public enum ApplyKind { Accepted, Duplicate, Rejected }
