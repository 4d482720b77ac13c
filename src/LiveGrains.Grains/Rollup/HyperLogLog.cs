using System.Buffers.Binary;
using System.Numerics;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// Distinct-count estimator for unique viewers and buyers. Small sets are counted exactly, as 32-bit fingerprints (the
/// high half of each value's hash) in an open-addressing table (<see cref="ProbedSlots"/>; at most 2,048 slots, 8 KB),
/// because most LIVEs are small and an exact answer is better there: two of n values share a fingerprint with a
/// probability of about n²/2³³, one in 2,700 at <see cref="ExactLimit"/>, where an estimate would be off by about 14.
/// Past it the set switches to 2^14 dense registers (about 0.8% standard error). A register's rank is kept as three bits
/// above a base that all registers share (6 KB), the few that are 7 or more above it in a sorted list beside them. The
/// list takes 4 bytes an entry, so once it passes <see cref="MaxTripletOverflow"/> entries (after about 30,000 values),
/// where the two would take what four bits each take, the registers take four bits (8 KB), with a list of those 15 or
/// more above the base. The ranks are the same in every form, so the estimate is the same as six bits each (12 KB) gave,
/// which was a third of a LIVE's rollup after an hour on air; most LIVEs past the exact count have a few thousand
/// viewers, for which three bits hold all but a few dozen registers.
/// </summary>
[GenerateSerializer, Alias("lg.HyperLogLog")]
public sealed class HyperLogLog
{
    private const int Precision = 14;
    private const int RegisterCount = 1 << Precision;
    private const int RankBits = 6;
    private const int RankMask = (1 << RankBits) - 1;
    private const int MaxRank = 64 - Precision + 1;
    private const int TripletBytes = RegisterCount * 3 / 8 + 1;

    /// <summary>Entries of <see cref="Overflow"/> past which three-bit registers take four bits: 2 KB of list, what the fourth bit costs.</summary>
    internal const int MaxTripletOverflow = 512;

    /// <summary>Distinct values counted exactly, as many as 2,048 slots hold; one more switches to the registers.</summary>
    internal const int ExactLimit = 1_792;

    // Public for the serializer only. Checkpoints written before the table kept the exact hashes as a sorted list
    // (field 0), before the 32-bit table as whole 64-bit hashes in a table (field 2), before packing kept a byte per
    // register (field 1), and before nibbles six bits per register (field 4); each is moved into today's form on first
    // add (a 64-bit hash as its high half), so no count is lost across the upgrade. Reads take any form.
    [Id(0)] public List<ulong>? Sparse;
    [Id(2)] public ulong[]? WideExact;
    [Id(1)] public byte[]? Registers;
    [Id(4)] public byte[]? Packed;

    /// <summary>
    /// The registers at three bits each, each its rank minus <see cref="Base"/>, register i at bit 3i from the low bit of
    /// the first byte, one spare byte at the end so that each is read as the two bytes that hold it; null while exact and
    /// once the registers take four bits.
    /// </summary>
    [Id(9)] public byte[]? Triplets;

    /// <summary>The registers at four bits each, two to a byte (the even one low), each its rank minus <see cref="Base"/>; null until the list of three-bit ones overflowed.</summary>
    [Id(5)] public byte[]? Nibbles;

    /// <summary>The rank every register has at least: it rises once none is left at it, after about 160,000 values.</summary>
    [Id(6)] public int Base;

    /// <summary>The registers whose rank is too far above the base for their bits (7 for three, 15 for four), as index × 64 + rank, sorted.</summary>
    [Id(7)] public int[] Overflow = [];

    // The dense estimate, a pass over all 16,384 registers, is asked for on every card of a LIVE, many times a minute,
    // and changes only when a register does, ever more rarely as the set grows. 0 while unknown (registers are dense only
    // after more than ExactLimit values, so their estimate is never 0), whatever way the serializer creates this object;
    // a long, so that read-only calls running side by side never see half of one.
    [NonSerialized] private long _denseCount;

    // Registers still at the base, once counted: it follows from Nibbles, so it is counted on first use after the
    // serializer made this object, whichever way it did (both fields start at their defaults).
    [NonSerialized] private bool _atBaseCounted;
    [NonSerialized] private int _atBase;

    // The fingerprints while small (zero marks an empty slot), and how many there are (in WideExact for an older one).
    [Id(8)] public uint[] Exact = [];
    [Id(3)] public int ExactCount;

    private bool IsDense => Triplets is not null || Nibbles is not null || Packed is not null || Registers is not null;

    // The value of a register that says its rank is in Overflow: the highest its bits hold.
    private int Overflowed => Triplets is null ? 15 : 7;

    /// <summary>Adds a value; returns true when the estimate may have changed.</summary>
    public bool Add(string value) => AddHash(StableHash.Of(value));

    internal bool AddHash(ulong hash)
    {
        if (Sparse is not null || WideExact is not null) MoveIntoTable();
        if (Registers is not null || Packed is not null) MoveIntoTriplets();
        if (Triplets is not null || Nibbles is not null)
        {
            if (!SetRegister(hash)) return false;
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
        if (!IsDense) return Sparse?.Count ?? ExactCount;
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

    /// <summary>The rank held by register <paramref name="index"/>, in whichever dense form this estimator has.</summary>
    internal int Rank(int index)
    {
        if (Triplets is not null || Nibbles is not null)
        {
            var above = RegisterAt(index);
            return above < Overflowed ? Base + above : Overflow[FindOverflow(index)] & RankMask;
        }
        return Registers?[index] ?? RankIn(Packed!, index, 6);
    }

    private bool AddExact(ulong hash)
    {
        // Zero marks an empty slot; the values whose fingerprint is zero are kept as 1 (a collision as likely as any other).
        var fingerprint = Math.Max((uint)(hash >> 32), 1u);
        var at = ProbedSlots.Find<uint>(Exact, fingerprint);
        if (at >= 0 && Exact[at] == fingerprint) return false;
        // Grown only for a value that is new: values seen again do not double a full table.
        if (ProbedSlots.IsFullFor(ExactCount, Exact.Length))
        {
            GrowExact();
            at = ProbedSlots.Find<uint>(Exact, fingerprint);
        }
        Exact[at] = fingerprint;
        ExactCount++;
        return true;
    }

    private void GrowExact()
    {
        var old = Exact;
        Exact = new uint[ProbedSlots.GrownLength(old.Length)];
        ProbedSlots.MoveAll<uint>(old, Exact);
    }

    private void MoveIntoTable()
    {
        IEnumerable<ulong> hashes = Sparse ?? (IEnumerable<ulong>)WideExact!;
        (Sparse, WideExact, ExactCount) = (null, null, 0);
        foreach (var hash in hashes)
        {
            if (hash != 0) AddExact(hash);
        }
        if (ExactCount > ExactLimit) ToDense();
    }

    private void ToDense()
    {
        StartTriplets();
        foreach (var fingerprint in Exact)
        {
            // The register and rank the value's whole hash gives, but for a rank past the fingerprint's 18 bits after
            // the index (one value in 262,144), which stops at 19.
            if (fingerprint == 0) continue;
            var rank = Math.Min(BitOperations.LeadingZeroCount(fingerprint << Precision) + 1, 32 - Precision + 1);
            Raise((int)(fingerprint >> (32 - Precision)), rank);
        }
        Exact = [];
        ExactCount = 0;
    }

    // Not done in Count, which only reads: read-only grain calls may run it side by side.
    private void MoveIntoTriplets()
    {
        var ranks = Ranks();
        (Registers, Packed) = (null, null);
        StartTriplets();
        for (var i = 0; i < RegisterCount; i++) Raise(i, ranks[i]);
    }

    // The list of three-bit registers outgrew what a fourth bit costs: the same ranks at four bits each.
    private void MoveIntoNibbles()
    {
        var ranks = Ranks();
        (Triplets, Nibbles, Base, Overflow, _atBase, _atBaseCounted) = (null, new byte[RegisterCount / 2], 0, [], RegisterCount, true);
        for (var i = 0; i < RegisterCount; i++) Raise(i, ranks[i]);
    }

    private byte[] Ranks()
    {
        var ranks = new byte[RegisterCount];
        for (var i = 0; i < RegisterCount; i++) ranks[i] = (byte)Rank(i);
        return ranks;
    }

    private void StartTriplets() =>
        (Triplets, Nibbles, Base, Overflow, _atBase, _atBaseCounted) = (new byte[TripletBytes], null, 0, [], RegisterCount, true);

    private bool SetRegister(ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        var rank = Math.Min(BitOperations.LeadingZeroCount(hash << Precision) + 1, MaxRank);
        return Raise(index, rank);
    }

    // Sets register `index` to `rank` if that is higher than what it holds; true when it was.
    private bool Raise(int index, int rank)
    {
        var overflowed = Overflowed;
        var above = RegisterAt(index);
        if (above < overflowed)
        {
            if (Base + above >= rank) return false;
        }
        else
        {
            var at = FindOverflow(index);
            if ((Overflow[at] & RankMask) >= rank) return false;
            Overflow[at] = index << RankBits | rank;
            return true;
        }
        if (!_atBaseCounted) (_atBase, _atBaseCounted) = (CountAtBase(), true);
        if (above == 0) _atBase--;
        var raised = rank - Base;
        if (raised >= overflowed) InsertOverflow(index, rank);
        SetRegisterAt(index, Math.Min(raised, overflowed));
        if (_atBase == 0) RaiseBase();
        if (Triplets is not null && Overflow.Length > MaxTripletOverflow) MoveIntoNibbles();
        return true;
    }

    // No register is left at the base: every register comes down by one, and the ranks in Overflow that now fit come back.
    private void RaiseBase()
    {
        var overflowed = Overflowed;
        while (_atBase == 0)
        {
            Base++;
            for (var i = 0; i < RegisterCount; i++)
            {
                var register = RegisterAt(i);
                if (register < overflowed)
                {
                    SetRegisterAt(i, register - 1);
                    continue;
                }
                var above = (Overflow[FindOverflow(i)] & RankMask) - Base;
                if (above >= overflowed) continue;
                RemoveOverflow(i);
                SetRegisterAt(i, above);
            }
            _atBase = CountAtBase();
        }
    }

    private int CountAtBase()
    {
        var count = 0;
        for (var i = 0; i < RegisterCount; i++)
        {
            if (RegisterAt(i) == 0) count++;
        }
        return count;
    }

    // What register `index` holds above the base, in the dense form this estimator has (three bits or four).
    private int RegisterAt(int index) => Triplets is { } triplets ? RankIn(triplets, index, 3) : NibbleAt(Nibbles!, index);

    private void SetRegisterAt(int index, int value)
    {
        if (Triplets is not { } triplets)
        {
            SetNibble(Nibbles!, index, value);
            return;
        }
        var bit = index * 3;
        var pair = triplets.AsSpan(bit >> 3);
        var bits = (BinaryPrimitives.ReadUInt16LittleEndian(pair) & ~(7 << (bit & 7))) | value << (bit & 7);
        BinaryPrimitives.WriteUInt16LittleEndian(pair, (ushort)bits);
    }

    private static int NibbleAt(byte[] nibbles, int index) => (nibbles[index >> 1] >> ((index & 1) << 2)) & 0xF;

    private static void SetNibble(byte[] nibbles, int index, int value)
    {
        var shift = (index & 1) << 2;
        ref var pair = ref nibbles[index >> 1];
        pair = (byte)((pair & ~(0xF << shift)) | (value << shift));
    }

    // Where register `index` is in Overflow; its complement, where it would go, when it is not there.
    private int FindOverflow(int index)
    {
        var (low, high) = (0, Overflow.Length - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var at = Overflow[middle] >> RankBits;
            if (at == index) return middle;
            if (at < index) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    // Overflow grows and shrinks by one entry: it holds a handful, and a spare slot would need a count beside it.
    private void InsertOverflow(int index, int rank)
    {
        var at = ~FindOverflow(index);
        var grown = new int[Overflow.Length + 1];
        Overflow.AsSpan(0, at).CopyTo(grown);
        grown[at] = index << RankBits | rank;
        Overflow.AsSpan(at).CopyTo(grown.AsSpan(at + 1));
        Overflow = grown;
    }

    private void RemoveOverflow(int index)
    {
        var at = FindOverflow(index);
        var shrunk = new int[Overflow.Length - 1];
        Overflow.AsSpan(0, at).CopyTo(shrunk);
        Overflow.AsSpan(at + 1).CopyTo(shrunk.AsSpan(at));
        Overflow = shrunk;
    }

    // Registers of `width` bits in a stream with one spare byte at the end, so that each is read as the two bytes that
    // hold it: three-bit ones, and the six-bit ones of older checkpoints.
    private static int RankIn(byte[] packed, int index, int width)
    {
        var bit = index * width;
        return (BinaryPrimitives.ReadUInt16LittleEndian(packed.AsSpan(bit >> 3)) >> (bit & 7)) & ((1 << width) - 1);
    }
}
