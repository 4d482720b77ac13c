namespace LiveGrains.Grains.Rollup;

/// <summary>How much of each id's 128-bit fingerprint a <see cref="FingerprintSet"/> keeps.</summary>
[GenerateSerializer]
public enum FingerprintWidth
{
    /// <summary>All 128 bits, 16 bytes a slot: what every set kept before widths existed.</summary>
    Full = 0,

    /// <summary>The low 64 bits, 8 bytes a slot: a LIVE's order ids, and event ids in older checkpoints' generations.</summary>
    Half = 1,
}
