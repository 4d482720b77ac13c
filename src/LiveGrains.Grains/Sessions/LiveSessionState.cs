using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Rollup;

namespace LiveGrains.Grains.Sessions;

/// <summary>Persisted state of a LIVE grain: the rollup and what the grain learned from its creator and agency.</summary>
[GenerateSerializer, Alias("lg.LiveSessionState")]
public sealed class LiveSessionState
{
    [Id(0)] public LiveRollup Rollup = new();
    [Id(1)] public CreatorProfile? Creator;
    [Id(2)] public AttentionThresholds Thresholds = AttentionThresholds.Default;
    /// <summary>Event count at the time the history row was last written; a late event makes it stale.</summary>
    [Id(3)] public long HistoryWrittenAtCount = -1;
    /// <summary>Sequence number of the last accepted event in this state; the event log holds the ones after it.</summary>
    [Id(4)] public long LastSequence;
}
