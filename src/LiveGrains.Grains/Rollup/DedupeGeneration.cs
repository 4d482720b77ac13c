namespace LiveGrains.Grains.Rollup;

/// <summary>The event ids of one generation of a <see cref="DedupeWindow"/>: events that happened within one slot of time.</summary>
[GenerateSerializer, Alias("lg.DedupeGeneration")]
public sealed class DedupeGeneration
{
    /// <summary>The slot: whole generation lengths since the Unix epoch.</summary>
    [Id(0)] public long Slot;

    /// <summary>
    /// Fingerprints of the ids of events whose occurredAt falls in the slot: half width, since a window holds a bounded
    /// number of ids (a generation from a checkpoint written before keeps its full width).
    /// </summary>
    [Id(1)] public FingerprintSet Ids = new(FingerprintWidth.Half);
}
