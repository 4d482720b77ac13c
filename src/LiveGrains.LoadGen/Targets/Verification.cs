namespace LiveGrains.LoadGen.Targets;

/// <summary>Result of comparing what a system reports with the ground truth.</summary>
/// <param name="Passed">True when equal, false when not, null when the target cannot be checked.</param>
/// <param name="Summary">One line for the summary table.</param>
/// <param name="Differences">The first differences, one per line.</param>
public sealed record Verification(bool? Passed, string Summary, IReadOnlyList<string> Differences)
{
    /// <summary>A target whose numbers are not comparable.</summary>
    public static Verification NotChecked(string why) => new(null, why, []);
}
