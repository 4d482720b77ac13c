using System.Numerics;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// Distinct-count estimator for unique viewers and buyers. Small sets are kept exactly, as 64-bit hashes in an
/// open-addressing table (at most 1,024 slots, 8 KB), because most LIVEs are small and an exact answer is better
/// there; past <see cref="ExactLimit"/> it switches to 2^14 dense registers (16 KB, about 0.8% standard error).
/// </summary>
[GenerateSerializer, Alias("lg.HyperLogLog")]
public sealed class HyperLogLog
{
    private const int Precision = 14;
    private const int RegisterCount = 1 << Precision;
    private const int MinSlots = 8;

    /// <summary>Distinct values counted exactly; one more switches to the registers. Three quarters of 1,024 slots.</summary>
    internal const int ExactLimit = 768;

    // Public for the serializer only. Checkpoints written before the table kept the exact hashes as a sorted list
    // (field 0); such a list is moved into the table on first use, so no count is lost across the upgrade.
    [Id(0)] public List<ulong>? Sparse;
    [Id(1)] public byte[]? Registers;
    // The exact hashes while small (zero marks an empty slot), and how many there are.
    [Id(2)] public ulong[] Exact = [];
    [Id(3)] public int ExactCount;

    /// <summary>Adds a value; returns true when the estimate may have changed.</summary>
    public bool Add(string value) => AddHash(StableHash.Of(value));

    internal bool AddHash(ulong hash)
    {
        if (Sparse is not null) MoveSparseIntoTable();
        if (Registers is not null) return SetRegister(Registers, hash);
        if (!AddExact(hash)) return false;
        if (ExactCount > ExactLimit) ToDense();
        return true;
    }

    /// <summary>Estimated number of distinct values added.</summary>
    public long Count()
    {
        if (Registers is null) return Sparse?.Count ?? ExactCount;
        var registers = Registers;
        double sum = 0;
        var zeros = 0;
        foreach (var r in registers)
        {
            sum += Math.ScaleB(1.0, -r);
            if (r == 0) zeros++;
        }
        const double m = RegisterCount;
        var alpha = 0.7213 / (1 + 1.079 / m);
        var estimate = alpha * m * m / sum;
        // Linear counting is the more accurate estimator while many registers are still empty.
        if (estimate <= 2.5 * m && zeros > 0) estimate = m * Math.Log(m / zeros);
        return (long)Math.Round(estimate);
    }

    private bool AddExact(ulong hash)
    {
        // Zero marks an empty slot; the one value that hashes to it is kept as 1 (a collision as unlikely as any other).
        if (hash == 0) hash = 1;
        if ((ExactCount + 1) * 4 > Exact.Length * 3) GrowExact();
        var at = Find(Exact, hash);
        if (Exact[at] == hash) return false;
        Exact[at] = hash;
        ExactCount++;
        return true;
    }

    /// <summary>The slot holding the hash, or the empty slot where it belongs (the table is never full).</summary>
    private static int Find(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        // The hash is uniformly distributed, so its low bits make a good start and linear probing stays short.
        var at = (int)(hash & (ulong)mask);
        while (slots[at] != 0 && slots[at] != hash) at = (at + 1) & mask;
        return at;
    }

    private void GrowExact()
    {
        var old = Exact;
        Exact = new ulong[Math.Max(MinSlots, old.Length * 2)];
        foreach (var hash in old)
        {
            if (hash != 0) Exact[Find(Exact, hash)] = hash;
        }
    }

    private void MoveSparseIntoTable()
    {
        var sparse = Sparse!;
        Sparse = null;
        foreach (var hash in sparse) AddExact(hash);
        if (ExactCount > ExactLimit) ToDense();
    }

    private void ToDense()
    {
        var registers = new byte[RegisterCount];
        foreach (var hash in Exact)
        {
            if (hash != 0) SetRegister(registers, hash);
        }
        Registers = registers;
        Exact = [];
        ExactCount = 0;
    }

    private static bool SetRegister(byte[] registers, ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        var rest = hash << Precision;
        var rank = (byte)Math.Min(BitOperations.LeadingZeroCount(rest) + 1, 64 - Precision + 1);
        if (registers[index] >= rank) return false;
        registers[index] = rank;
        return true;
    }
}
