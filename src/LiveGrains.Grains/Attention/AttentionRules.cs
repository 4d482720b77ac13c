using System.Globalization;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Rollup;

namespace LiveGrains.Grains.Attention;

/// <summary>
/// The "Need Attention" rules. Each returns a reason with the numbers behind it, or nothing; all read
/// only the rollup, the agency's thresholds and the clock, so they are re-run on every tick and clear by
/// themselves when the condition passes.
/// </summary>
public static class AttentionRules
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every reason that applies to an on-air LIVE now (none once it has ended).</summary>
    public static List<AttentionReason> Evaluate(LiveRollup rollup, AttentionThresholds thresholds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(thresholds);
        var reasons = new List<AttentionReason>();
        if (!rollup.HasData || rollup.Status != LiveStatus.Live) return reasons;
        AddIfAny(reasons, ActiveViolation(rollup));
        AddIfAny(reasons, ViewerDrop(rollup, thresholds, now));
        AddIfAny(reasons, NoOrders(rollup, thresholds, now));
        AddIfAny(reasons, EngagementDrop(rollup, thresholds, now));
        return reasons;
    }

    /// <summary>The LIVE has a violation; the newest one is named.</summary>
    public static AttentionReason? ActiveViolation(LiveRollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        if (rollup.Violations.Count == 0) return null;
        var v = rollup.Violations[0];
        var more = rollup.Violations.Count > 1 ? $" (+{rollup.Violations.Count - 1} more)" : "";
        return new AttentionReason(AttentionRule.Violation,
            $"Violation of {v.Policy}: {v.Reason} ({v.Action.ToString().ToLowerInvariant()}, {v.Points} points){more}");
    }

    /// <summary>Viewers now are down by at least the threshold from the peak of the recent window.</summary>
    public static AttentionReason? ViewerDrop(LiveRollup rollup, AttentionThresholds t, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(t);
        var since = LiveRollup.MinuteOf(now) - t.ViewerDropWindowMinutes;
        var peak = rollup.PeakViewersFrom(since);
        if (peak < Math.Max(1, t.ViewerDropMinPeak)) return null;
        var current = rollup.LatestSample;
        var drop = 100m * (peak - current) / peak;
        return drop >= t.ViewerDropPercent
            ? new AttentionReason(AttentionRule.ViewerDrop, string.Format(Invariant,
                "Viewers down {0:0}% from a peak of {1:N0} in the last {2} minutes (now {3:N0})", drop, peak, t.ViewerDropWindowMinutes, current))
            : null;
    }

    /// <summary>Sales began, then no order came for the threshold's minutes.</summary>
    public static AttentionReason? NoOrders(LiveRollup rollup, AttentionThresholds t, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(t);
        if (rollup.LastOrderAt is not { } last) return null;
        var quiet = now - last;
        return quiet >= TimeSpan.FromMinutes(t.NoOrderMinutes)
            ? new AttentionReason(AttentionRule.NoOrders, string.Format(Invariant,
                "No order for {0:0} minutes (last order at {1:HH:mm} UTC)", Math.Floor(quiet.TotalMinutes), last.UtcDateTime))
            : null;
    }

    /// <summary>
    /// Likes, comments and shares per minute over the recent window fell by the threshold against the
    /// baseline window before it. Only whole minutes are compared (the current minute is still filling).
    /// </summary>
    public static AttentionReason? EngagementDrop(LiveRollup rollup, AttentionThresholds t, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(t);
        var current = LiveRollup.MinuteOf(now);
        var recentFrom = current - t.EngagementWindowMinutes;
        var baselineFrom = recentFrom - t.EngagementBaselineMinutes;
        if (LiveRollup.MinuteOf(rollup.Start) > baselineFrom) return null;
        decimal Rate(long from, long to, int minutes) =>
            (decimal)rollup.InteractionsBetween(from, to) / minutes;
        var baseline = Rate(baselineFrom, recentFrom, t.EngagementBaselineMinutes);
        if (baseline <= 0 || baseline < t.EngagementMinBaselinePerMinute) return null;
        var recent = Rate(recentFrom, current, t.EngagementWindowMinutes);
        var drop = 100m * (baseline - recent) / baseline;
        return drop >= t.EngagementDropPercent
            ? new AttentionReason(AttentionRule.EngagementDrop, string.Format(Invariant,
                "Engagement down {0:0}%: {1:0.#} likes, comments and shares a minute in the last {2} minutes, against {3:0.#} before",
                drop, recent, t.EngagementWindowMinutes, baseline))
            : null;
    }

    private static void AddIfAny(List<AttentionReason> reasons, AttentionReason? reason)
    {
        if (reason is not null) reasons.Add(reason);
    }
}
