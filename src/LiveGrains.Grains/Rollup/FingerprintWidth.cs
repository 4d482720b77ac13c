namespace LiveGrains.Grains.Rollup;

/// <summary>How much of each id's 128-bit fingerprint a <see cref="FingerprintSet"/> keeps.</summary>
[GenerateSerializer]
public enum FingerprintWidth
{
    /// <summary>All 128 bits, 16 bytes a slot: for sets that grow without bound.</summary>
    Full = 0,

    /// <summary>The low 64 bits, 8 bytes a slot: for sets bounded in size.</summary>
    Half = 1,
}
