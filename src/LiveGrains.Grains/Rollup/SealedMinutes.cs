namespace LiveGrains.Grains.Rollup;

/// <summary>
/// The minute buckets of a LIVE before its newest <see cref="LiveRollup.OpenMinutes"/>, in a compact stream: a minute as
/// an object took about 240 bytes with its dictionary entry, 34 KiB after three hours on air and growing for as long as
/// the LIVE ran; as a record here it takes a few dozen. A record is the minute's distance from the one before, a bit for
/// each counter that is not zero, then those counters as variable-length integers. Records are only appended, in minute
/// order; a late event for a sealed minute is counted in a bucket of the rollup's own, which readers add to the record
/// (<see cref="LiveRollup.BucketAt"/>). Every sixteenth record is indexed, so one minute is found without reading from
/// the first.
/// </summary>
[GenerateSerializer, Alias("lg.SealedMinutes")]
public sealed class SealedMinutes
{
    private const int IndexEvery = 16;
    private const int RangeSlots = 4;

    // Public for the serializer only: the stream and how much of it is used, the records in it, the minute of the last,
    // and the minute and offset of every sixteenth record.
    [Id(0)] public byte[] Bytes = [];
    [Id(1)] public int Length;
    [Id(2)] public int Count;
    [Id(3)] public long Last = long.MinValue;
    [Id(4)] public List<long> IndexMinutes = [];
    [Id(5)] public List<int> IndexOffsets = [];

    // The block, minute and end of the last record read, so that reading minutes in order decodes each record once; none
    // while Next is 0 (a record takes at least two bytes), which is also what a copy made by the serializer starts with.
    [NonSerialized] private (int Block, long Minute, int Next) _cursor;

    // The last ranges summed (RangeSlots of them, replaced in turn), with their sums: attention rules ask for the same
    // ranges on every tick of a minute, and a record never changes, so a range's sums stay true. Not state.
    [NonSerialized] private RangeSums?[]? _ranges;
    [NonSerialized] private int _nextRange;

    /// <summary>The first minute with a record, <see cref="long.MaxValue"/> without any.</summary>
    public long First => IndexMinutes.Count > 0 ? IndexMinutes[0] : long.MaxValue;

    /// <summary>Appends the bucket of <paramref name="minute"/>, which must come after every minute already sealed.</summary>
    public void Append(long minute, MinuteBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (Count > 0 && minute <= Last) throw new ArgumentOutOfRangeException(nameof(minute), minute, $"Minutes are sealed in order; the last was {Last}.");
        var startsBlock = Count % IndexEvery == 0;
        if (startsBlock)
        {
            IndexMinutes.Add(minute);
            IndexOffsets.Add(Length);
        }
        var writer = new Writer(this);
        // The first record of a block holds distance 0 from the block's minute in the index: each block decodes on its own.
        writer.Unsigned(startsBlock ? 0 : (ulong)(minute - Last));
        writer.Bucket(bucket, minute);
        (Last, Count) = (minute, Count + 1);
    }

    /// <summary>The sealed bucket of <paramref name="minute"/>, decoded afresh, or null when it has none.</summary>
    public MinuteBucket? Read(long minute)
    {
        if (Count == 0 || minute < First || minute > Last) return null;
        var block = IndexMinutes.BinarySearch(minute);
        if (block < 0) block = ~block - 1;
        var (at, offset) = _cursor.Next > 0 && _cursor.Block == block && _cursor.Minute < minute ? (_cursor.Minute, _cursor.Next) : (IndexMinutes[block], IndexOffsets[block]);
        var end = BlockEnd(block);
        while (offset < end)
        {
            var reader = new Reader(Bytes, offset);
            at += (long)reader.Unsigned();
            if (at > minute) return null;
            var bucket = at == minute ? reader.Bucket(minute) : null;
            if (bucket is null) reader.SkipBucket();
            _cursor = (block, at, reader.Offset);
            if (bucket is not null) return bucket;
            offset = reader.Offset;
        }
        return null;
    }

    /// <summary>
    /// The highest viewer sample and the likes, comments and shares of the sealed minutes from <paramref name="first"/>
    /// to <paramref name="last"/>, both included, as the records hold them (not what late events added since). A range
    /// asked for again is not read again.
    /// </summary>
    public RangeSums Sum(long first, long last)
    {
        // Cut to what is sealed now: minutes sealed later must not be missing from what is remembered for the range.
        (first, last) = (Math.Max(first, First), Math.Min(last, Last));
        if (Count == 0 || first > last) return default;
        _ranges ??= new RangeSums?[RangeSlots];
        foreach (var kept in _ranges)
        {
            if (kept is { } range && range.First == first && range.Last == last) return range;
        }
        long peak = 0, interactions = 0;
        for (var minute = first; minute <= last; minute++)
        {
            if (Read(minute) is not { } bucket) continue;
            peak = Math.Max(peak, bucket.ViewerSampleMax);
            interactions += bucket.Interactions;
        }
        var sums = new RangeSums(first, last, peak, interactions);
        _ranges[_nextRange] = sums;
        _nextRange = (_nextRange + 1) % RangeSlots;
        return sums;
    }

    /// <summary>Every sealed minute and its bucket, decoded afresh, oldest first.</summary>
    public IEnumerable<(long Minute, MinuteBucket Bucket)> All()
    {
        for (var block = 0; block < IndexMinutes.Count; block++)
        {
            var (at, offset, end) = (IndexMinutes[block], IndexOffsets[block], BlockEnd(block));
            while (offset < end)
            {
                var (minute, bucket, next) = ReadRecord(at, offset);
                yield return (minute, bucket);
                (at, offset) = (minute, next);
            }
        }
    }

    private (long Minute, MinuteBucket Bucket, int Next) ReadRecord(long previous, int offset)
    {
        var reader = new Reader(Bytes, offset);
        var minute = previous + (long)reader.Unsigned();
        var bucket = reader.Bucket(minute);
        return (minute, bucket, reader.Offset);
    }

    private int BlockEnd(int block) => block + 1 < IndexOffsets.Count ? IndexOffsets[block + 1] : Length;

    // Bit 20 of a record's mask: the last sample's time is written as ticks from the start of the record's minute (five
    // bytes), not from year 1 (nine). Records written before it have the bit clear and are read as they were written.
    private const int SampleTimeInMinute = 20;

    private static long StartTicks(long minute) => DateTimeOffset.UnixEpoch.UtcTicks + minute * TimeSpan.TicksPerMinute;

    // The counters in the order their bits take in a record's mask.
    private ref struct Writer(SealedMinutes owner)
    {
        public void Bucket(MinuteBucket b, long minute)
        {
            var mask = 0u;
            mask |= Bit(0, Present(b.Gmv)) | Bit(1, Present(b.AffiliateGmv)) | Bit(2, Present(b.RefundedAmount));
            mask |= Bit(3, b.Orders != 0) | Bit(4, b.ItemsSold != 0) | Bit(5, b.Refunds != 0) | Bit(6, b.Views != 0)
                | Bit(7, b.LiveImpressions != 0) | Bit(8, b.ProductImpressions != 0) | Bit(9, b.ProductClicks != 0)
                | Bit(10, b.Likes != 0) | Bit(11, b.Comments != 0) | Bit(12, b.Shares != 0) | Bit(13, b.NewFollowers != 0)
                | Bit(14, b.ViewerSampleSum != 0) | Bit(15, b.ViewerSamples != 0) | Bit(16, b.ViewerSampleMax != 0)
                | Bit(17, b.LastSample != 0) | Bit(18, b.LastSampleAt != default) | Bit(19, b.Leaves != 0)
                | Bit(SampleTimeInMinute, b.LastSampleAt != default);
            Unsigned(mask);
            if ((mask & 1) != 0) Decimal(b.Gmv);
            if ((mask & 2) != 0) Decimal(b.AffiliateGmv);
            if ((mask & 4) != 0) Decimal(b.RefundedAmount);
            Signed(mask, 3, b.Orders); Signed(mask, 4, b.ItemsSold); Signed(mask, 5, b.Refunds); Signed(mask, 6, b.Views);
            Signed(mask, 7, b.LiveImpressions); Signed(mask, 8, b.ProductImpressions); Signed(mask, 9, b.ProductClicks);
            Signed(mask, 10, b.Likes); Signed(mask, 11, b.Comments); Signed(mask, 12, b.Shares); Signed(mask, 13, b.NewFollowers);
            Signed(mask, 14, b.ViewerSampleSum); Signed(mask, 15, b.ViewerSamples); Signed(mask, 16, b.ViewerSampleMax);
            Signed(mask, 17, b.LastSample);
            if ((mask & (1u << 18)) != 0)
            {
                Signed(b.LastSampleAt.UtcTicks - StartTicks(minute));
                Signed((long)b.LastSampleAt.Offset.TotalMinutes);
            }
            Signed(mask, 19, b.Leaves);
        }

        private static uint Bit(int bit, bool set) => set ? 1u << bit : 0;

        // 0.00 is kept as written, not as 0: a decimal's scale is part of its value as sums and exports show it.
        private static bool Present(decimal value) => value != 0 || value.Scale != 0;

        private void Signed(uint mask, int bit, long value)
        {
            if ((mask & (1u << bit)) != 0) Signed(value);
        }

        private void Signed(long value) => Unsigned((ulong)((value << 1) ^ (value >> 63)));

        // A decimal's sign and scale in one byte, then its 96-bit magnitude: the same value to its last digit and scale.
        private void Decimal(decimal value)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            Unsigned((ulong)(uint)bits[3] >> 16);
            Unsigned(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
            Unsigned((uint)bits[2]);
        }

        public void Unsigned(ulong value)
        {
            Ensure(10);
            owner.Length = VarInt.Write(owner.Bytes, owner.Length, value);
        }

        private void Ensure(int more)
        {
            if (owner.Length + more <= owner.Bytes.Length) return;
            // Grows by a quarter: a LIVE adds a few dozen bytes a minute, so a stream grown by half or doubled sat a fifth
            // to a third empty for hours, and copying a few KB once in a quarter of an hour costs nothing that shows.
            var grown = new byte[Math.Max(owner.Length + more, Math.Max(64, owner.Bytes.Length + owner.Bytes.Length / 4))];
            owner.Bytes.AsSpan(0, owner.Length).CopyTo(grown);
            owner.Bytes = grown;
        }
    }

    private ref struct Reader(byte[] bytes, int offset)
    {
        public int Offset = offset;

        public ulong Unsigned() => VarInt.Read(bytes, ref Offset);

        private long Signed()
        {
            var raw = Unsigned();
            return (long)(raw >> 1) ^ -(long)(raw & 1);
        }

        private long Signed(uint mask, int bit) => (mask & (1u << bit)) != 0 ? Signed() : 0;

        private decimal Decimal(uint mask, int bit)
        {
            if ((mask & (1u << bit)) == 0) return 0;
            var flags = (int)((uint)Unsigned() << 16);
            var low = Unsigned();
            var high = (int)(uint)Unsigned();
            return new decimal([(int)(uint)low, (int)(uint)(low >> 32), high, flags]);
        }

        public MinuteBucket Bucket(long minute)
        {
            var mask = (uint)Unsigned();
            var b = new MinuteBucket
            {
                Gmv = Decimal(mask, 0), AffiliateGmv = Decimal(mask, 1), RefundedAmount = Decimal(mask, 2),
            };
            b.Orders = Signed(mask, 3); b.ItemsSold = Signed(mask, 4); b.Refunds = Signed(mask, 5); b.Views = Signed(mask, 6);
            b.LiveImpressions = Signed(mask, 7); b.ProductImpressions = Signed(mask, 8); b.ProductClicks = Signed(mask, 9);
            b.Likes = Signed(mask, 10); b.Comments = Signed(mask, 11); b.Shares = Signed(mask, 12); b.NewFollowers = Signed(mask, 13);
            b.ViewerSampleSum = Signed(mask, 14); b.ViewerSamples = Signed(mask, 15); b.ViewerSampleMax = Signed(mask, 16);
            b.LastSample = Signed(mask, 17);
            if ((mask & (1u << 18)) != 0)
            {
                var ticks = Signed() + ((mask & (1u << SampleTimeInMinute)) != 0 ? StartTicks(minute) : 0);
                var offset = TimeSpan.FromMinutes(Signed());
                b.LastSampleAt = new DateTimeOffset(ticks + offset.Ticks, offset);
            }
            b.Leaves = Signed(mask, 19);
            return b;
        }

        // Past a record's counters without decoding them: a varint for each counter, three for each decimal, two for the time
        // (whose form bit has none of its own).
        public void SkipBucket()
        {
            var mask = (uint)Unsigned() & ~(1u << SampleTimeInMinute);
            var varints = System.Numerics.BitOperations.PopCount(mask) + 2 * System.Numerics.BitOperations.PopCount(mask & 7)
                + ((mask & (1u << 18)) != 0 ? 1 : 0);
            for (var i = 0; i < varints; i++) Unsigned();
        }
    }
}
