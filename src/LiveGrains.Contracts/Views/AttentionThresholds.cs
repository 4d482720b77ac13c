using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>An agency's thresholds for the Need Attention rules.</summary>
/// <param name="ViewerDropPercent">Raise when viewers fall this many percent below the recent peak.</param>
/// <param name="ViewerDropMinPeak">...but only when the recent peak had at least this many viewers.</param>
/// <param name="ViewerDropWindowMinutes">How far back the recent peak is looked for.</param>
/// <param name="NoOrderMinutes">Raise when no order came for this many minutes after the first one.</param>
/// <param name="EngagementDropPercent">Raise when engagement per minute falls this many percent below its baseline.</param>
/// <param name="EngagementWindowMinutes">Recent window compared with the baseline.</param>
/// <param name="EngagementBaselineMinutes">Baseline window before the recent one.</param>
/// <param name="EngagementMinBaselinePerMinute">Minimum baseline (interactions per minute) for the rule to apply.</param>
[GenerateSerializer, Immutable, Alias("lg.AttentionThresholds")]
public sealed record AttentionThresholds(
    [property: Id(0)] int ViewerDropPercent,
    [property: Id(1)] int ViewerDropMinPeak,
    [property: Id(2)] int ViewerDropWindowMinutes,
    [property: Id(3)] int NoOrderMinutes,
    [property: Id(4)] int EngagementDropPercent,
    [property: Id(5)] int EngagementWindowMinutes,
    [property: Id(6)] int EngagementBaselineMinutes,
    [property: Id(7)] int EngagementMinBaselinePerMinute)
{
    /// <summary>Defaults for a new agency.</summary>
    public static AttentionThresholds Default { get; } = new(50, 20, 10, 10, 60, 3, 10, 5);

    /// <summary>Returns the first out-of-range threshold, or null.</summary>
    public string? Validate() =>
        ViewerDropPercent is < 1 or > 100 ? "viewerDropPercent must be between 1 and 100"
        : EngagementDropPercent is < 1 or > 100 ? "engagementDropPercent must be between 1 and 100"
        : ViewerDropMinPeak < 0 ? "viewerDropMinPeak must not be negative"
        : ViewerDropWindowMinutes is < 1 or > 240 ? "viewerDropWindowMinutes must be between 1 and 240"
        : NoOrderMinutes is < 1 or > 240 ? "noOrderMinutes must be between 1 and 240"
        : EngagementWindowMinutes is < 1 or > 60 ? "engagementWindowMinutes must be between 1 and 60"
        : EngagementBaselineMinutes is < 1 or > 240 ? "engagementBaselineMinutes must be between 1 and 240"
        : EngagementMinBaselinePerMinute < 0 ? "engagementMinBaselinePerMinute must not be negative"
        : null;
}
