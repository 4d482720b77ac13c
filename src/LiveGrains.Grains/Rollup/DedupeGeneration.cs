namespace LiveGrains.Grains.Rollup;

/// <summary>The event ids of one generation of a <see cref="DedupeWindow"/>: events that happened within one slot of time.</summary>
[GenerateSerializer, Alias("lg.DedupeGeneration")]
public sealed class DedupeGeneration
{
    /// <summary>The slot: whole generation lengths since the Unix epoch.</summary>
    [Id(0)] public long Slot;

    /// <summary>Fingerprints of the ids of events whose occurredAt falls in the slot.</summary>
    [Id(1)] public FingerprintSet Ids = new();
}
