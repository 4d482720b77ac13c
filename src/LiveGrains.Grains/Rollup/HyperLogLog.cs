using System.Buffers.Binary;
using System.Numerics;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// Distinct-count estimator for unique viewers and buyers. Small sets are kept exactly, as 64-bit hashes in an
/// open-addressing table (<see cref="ProbedSlots"/>; at most 1,024 slots, 8 KB), because most LIVEs are small and an
/// exact answer is better there; past <see cref="ExactLimit"/> it switches to 2^14 dense registers of 6 bits each
/// (12 KB, about 0.8% standard error): a rank is at most 51, so a byte per register would leave a quarter of the 16 KB
/// unused.
/// </summary>
[GenerateSerializer, Alias("lg.HyperLogLog")]
public sealed class HyperLogLog
{
    private const int Precision = 14;
    private const int RegisterCount = 1 << Precision;
    private const int RankBits = 6;
    private const int RankMask = (1 << RankBits) - 1;
    // One spare byte at the end lets every register be read and written as the two bytes that hold it.
    private const int PackedBytes = RegisterCount * RankBits / 8 + 1;

    /// <summary>Distinct values counted exactly, as many as 1,024 slots hold; one more switches to the registers.</summary>
    internal const int ExactLimit = 896;

    // Public for the serializer only. Checkpoints written before the table kept the exact hashes as a sorted list
    // (field 0), and before packing kept a byte per register (field 1); both are moved into today's form on first use,
    // so no count is lost across the upgrade.
    [Id(0)] public List<ulong>? Sparse;
    [Id(1)] public byte[]? Registers;
    [Id(4)] public byte[]? Packed;

    // The dense estimate, a pass over all 16,384 registers, is asked for on every card of a LIVE, many times a minute,
    // and changes only when a register does, ever more rarely as the set grows. 0 while unknown (registers are dense only
    // after more than ExactLimit values, so their estimate is never 0), whatever way the serializer creates this object;
    // a long, so that read-only calls running side by side never see half of one.
    [NonSerialized] private long _denseCount;

    // The exact hashes while small (zero marks an empty slot), and how many there are.
    [Id(2)] public ulong[] Exact = [];
    [Id(3)] public int ExactCount;

    /// <summary>Adds a value; returns true when the estimate may have changed.</summary>
    public bool Add(string value) => AddHash(StableHash.Of(value));

    internal bool AddHash(ulong hash)
    {
        if (Sparse is not null) MoveSparseIntoTable();
        if (Registers is not null) PackRegisters();
        if (Packed is not null)
        {
            if (!SetRegister(Packed, hash)) return false;
            _denseCount = 0;
            return true;
        }
        if (!AddExact(hash)) return false;
        if (ExactCount > ExactLimit) ToDense();
        return true;
    }

    /// <summary>Estimated number of distinct values added.</summary>
    public long Count()
    {
        if (Registers is null && Packed is null) return Sparse?.Count ?? ExactCount;
        var cached = Volatile.Read(ref _denseCount);
        if (cached > 0) return cached;
        double sum = 0;
        var zeros = 0;
        for (var i = 0; i < RegisterCount; i++)
        {
            var r = Rank(i);
            sum += Math.ScaleB(1.0, -r);
            if (r == 0) zeros++;
        }
        const double m = RegisterCount;
        var alpha = 0.7213 / (1 + 1.079 / m);
        var estimate = alpha * m * m / sum;
        // Linear counting is the more accurate estimator while many registers are still empty.
        if (estimate <= 2.5 * m && zeros > 0) estimate = m * Math.Log(m / zeros);
        var count = (long)Math.Round(estimate);
        Volatile.Write(ref _denseCount, count);
        return count;
    }

    private bool AddExact(ulong hash)
    {
        // Zero marks an empty slot; the one value that hashes to it is kept as 1 (a collision as unlikely as any other).
        if (hash == 0) hash = 1;
        var at = ProbedSlots.Find<ulong>(Exact, hash);
        if (at >= 0 && Exact[at] == hash) return false;
        // Grown only for a value that is new: values seen again do not double a full table.
        if (ProbedSlots.IsFullFor(ExactCount, Exact.Length))
        {
            GrowExact();
            at = ProbedSlots.Find<ulong>(Exact, hash);
        }
        Exact[at] = hash;
        ExactCount++;
        return true;
    }

    private void GrowExact()
    {
        var old = Exact;
        Exact = new ulong[ProbedSlots.GrownLength(old.Length)];
        ProbedSlots.MoveAll<ulong>(old, Exact);
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
        var packed = new byte[PackedBytes];
        foreach (var hash in Exact)
        {
            if (hash != 0) SetRegister(packed, hash);
        }
        Packed = packed;
        Exact = [];
        ExactCount = 0;
    }

    // Not done in Count, which only reads: read-only grain calls may run it side by side.
    private void PackRegisters()
    {
        var packed = new byte[PackedBytes];
        for (var i = 0; i < RegisterCount; i++) SetRank(packed, i, Registers![i]);
        Packed = packed;
        Registers = null;
    }

    /// <summary>The rank held by register <paramref name="index"/>, in whichever dense form this estimator has.</summary>
    internal int Rank(int index) => Registers?[index] ?? RankIn(Packed!, index);

    private static bool SetRegister(byte[] packed, ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        var rest = hash << Precision;
        var rank = Math.Min(BitOperations.LeadingZeroCount(rest) + 1, 64 - Precision + 1);
        if (RankIn(packed, index) >= rank) return false;
        SetRank(packed, index, rank);
        return true;
    }

    private static int RankIn(byte[] packed, int index)
    {
        var bit = index * RankBits;
        return (BinaryPrimitives.ReadUInt16LittleEndian(packed.AsSpan(bit >> 3)) >> (bit & 7)) & RankMask;
    }

    private static void SetRank(byte[] packed, int index, int rank)
    {
        var bit = index * RankBits;
        var pair = packed.AsSpan(bit >> 3);
        var shift = bit & 7;
        var value = (BinaryPrimitives.ReadUInt16LittleEndian(pair) & ~(RankMask << shift)) | (rank << shift);
        BinaryPrimitives.WriteUInt16LittleEndian(pair, (ushort)value);
    }
}
