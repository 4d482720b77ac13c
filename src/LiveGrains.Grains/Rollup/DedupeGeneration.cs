namespace LiveGrains.Grains.Rollup;

/// <summary>
/// The event ids of one generation of a <see cref="DedupeWindow"/> as checkpoints kept them before the window held all
/// its generations in one table: read only to move them into that table.
/// </summary>
[GenerateSerializer, Alias("lg.DedupeGeneration")]
public sealed class DedupeGeneration
{
    /// <summary>The generation: whole generation lengths since the Unix epoch.</summary>
    [Id(0)] public long Slot;

    /// <summary>Fingerprints of the ids of events whose occurredAt falls in the generation.</summary>
    [Id(1)] public FingerprintSet Ids = new(FingerprintWidth.Half);
}
