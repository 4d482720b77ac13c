using System.Buffers.Binary;
using System.Numerics;
using LiveGrains.Grains.Rollup;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class HyperLogLogTests
{
    [Fact]
    public void Small_sets_are_counted_exactly()
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < HyperLogLog.ExactLimit; i++) hll.Add($"viewer-{i}").ShouldBeTrue();
        for (var i = 0; i < HyperLogLog.ExactLimit; i++) hll.Add($"viewer-{i}").ShouldBeFalse();
        hll.Count().ShouldBe(HyperLogLog.ExactLimit);
        hll.Nibbles.ShouldBeNull();
        hll.Exact.Length.ShouldBe(2_048);
    }

    [Fact]
    public void One_value_past_the_exact_limit_switches_to_registers_and_keeps_the_count_close()
    {
        var hll = new HyperLogLog();
        for (var i = 0; i <= HyperLogLog.ExactLimit; i++) hll.Add($"viewer-{i}");
        hll.Triplets.ShouldNotBeNull().Length.ShouldBe(6_145);
        hll.Exact.ShouldBeEmpty();
        (Math.Abs(hll.Count() - (HyperLogLog.ExactLimit + 1)) / (double)(HyperLogLog.ExactLimit + 1)).ShouldBeLessThanOrEqualTo(0.02);
    }

    [Fact]
    public void A_checkpoint_with_the_earlier_sorted_list_keeps_its_count_and_its_members()
    {
        var earlier = SerializerRoundTrip.Of(new HyperLogLog { Sparse = [.. Enumerable.Range(0, 300).Select(i => Grains.Rollup.StableHash.Of($"viewer-{i}")).Order()] });
        earlier.Count().ShouldBe(300);
        earlier.Add("viewer-7").ShouldBeFalse();
        earlier.Add("viewer-300").ShouldBeTrue();
        earlier.Count().ShouldBe(301);
        earlier.Sparse.ShouldBeNull();
    }

    [Fact]
    public void A_checkpoint_with_whole_hashes_in_its_table_keeps_its_count_and_its_members()
    {
        var wide = new ulong[1_024];
        foreach (var hash in Enumerable.Range(0, 800).Select(i => Grains.Rollup.StableHash.Of($"viewer-{i}"))) wide[ProbedSlots.Find<ulong>(wide, hash)] = hash;
        var earlier = SerializerRoundTrip.Of(new HyperLogLog { WideExact = wide, ExactCount = 800 });

        earlier.Count().ShouldBe(800);
        earlier.Add("viewer-7").ShouldBeFalse();
        earlier.WideExact.ShouldBeNull();
        earlier.Add("viewer-800").ShouldBeTrue();
        earlier.Count().ShouldBe(801);
        earlier.Exact.Length.ShouldBe(1_024);
    }

    [Theory]
    [InlineData("a byte per register")]
    [InlineData("six bits per register")]
    public void A_checkpoint_with_older_registers_keeps_its_estimate_and_moves_into_three_bits_on_first_add(string layout)
    {
        var today = new HyperLogLog();
        for (var i = 0; i < 5_000; i++) today.Add($"viewer-{i}");
        var ranks = Enumerable.Range(0, 1 << 14).Select(today.Rank).ToArray();
        var earlier = SerializerRoundTrip.Of(layout == "a byte per register" ? new HyperLogLog { Registers = [.. ranks.Select(r => (byte)r)] } : new HyperLogLog { Packed = SixBitsEach(ranks) });

        earlier.Count().ShouldBe(today.Count());
        earlier.Add("viewer-42").ShouldBeFalse();
        (earlier.Registers, earlier.Packed).ShouldBe((null, null));
        earlier.Triplets.ShouldNotBeNull();
        Enumerable.Range(0, 1 << 14).All(i => earlier.Rank(i) == today.Rank(i)).ShouldBeTrue();
        for (var i = 5_000; i < 6_000; i++) (earlier.Add($"viewer-{i}"), earlier.Count()).ShouldBe((today.Add($"viewer-{i}"), today.Count()));
    }

    // Registers as checkpoints packed them before nibbles: six bits each, low bits first, and a spare byte at the end.
    private static byte[] SixBitsEach(int[] ranks)
    {
        var packed = new byte[ranks.Length * 6 / 8 + 1];
        for (var i = 0; i < ranks.Length; i++)
        {
            var bit = i * 6;
            var pair = BinaryPrimitives.ReadUInt16LittleEndian(packed.AsSpan(bit >> 3)) | ranks[i] << (bit & 7);
            BinaryPrimitives.WriteUInt16LittleEndian(packed.AsSpan(bit >> 3), (ushort)pair);
        }
        return packed;
    }

    [Fact]
    public void Each_register_holds_the_highest_rank_of_its_values_as_the_base_rises_and_ranks_overflow()
    {
        // 400,000 values leave no register empty (the base rises), and a few registers 15 or more above it. Halfway
        // through, before the base rises, the estimator goes through the serializer as a checkpoint restores it.
        var hll = new HyperLogLog();
        var expected = new int[1 << 14];
        for (var i = 0; i < 400_000; i++)
        {
            if (i == 100_000) hll = SerializerRoundTrip.Of(hll);
            var value = $"viewer-{i}";
            hll.Add(value);
            var hash = Grains.Rollup.StableHash.Of(value);
            var index = (int)(hash >> 50);
            expected[index] = Math.Max(expected[index], Math.Min(BitOperations.LeadingZeroCount(hash << 14) + 1, 51));
        }

        hll.Base.ShouldBe(expected.Min());
        hll.Base.ShouldBeGreaterThan(0);
        hll.Overflow.ShouldNotBeEmpty();
        hll.Overflow.Length.ShouldBe(expected.Count(rank => rank - hll.Base >= 15));
        Enumerable.Range(0, 1 << 14).Where(i => hll.Rank(i) != expected[i]).ShouldBeEmpty();
        var copy = SerializerRoundTrip.Of(hll);
        Enumerable.Range(0, 1 << 14).Where(i => copy.Rank(i) != expected[i]).ShouldBeEmpty();
        copy.Count().ShouldBe(hll.Count());
        (Math.Abs(hll.Count() - 400_000) / 400_000d).ShouldBeLessThanOrEqualTo(0.02);
    }

    [Fact]
    public void Registers_hold_the_highest_rank_of_their_values_at_three_bits_then_at_four_once_the_list_outgrows_a_fourth_bit()
    {
        var hll = new HyperLogLog();
        var expected = new int[1 << 14];
        void Add(int n)
        {
            var value = $"viewer-{n}";
            hll.Add(value);
            var hash = Grains.Rollup.StableHash.Of(value);
            var index = (int)(hash >> 50);
            expected[index] = Math.Max(expected[index], Math.Min(BitOperations.LeadingZeroCount(hash << 14) + 1, 51));
        }
        for (var k = 0; k < 10_000; k++) Add(k);

        // Three bits: the registers 7 or more above the base in the list, and they go through the serializer.
        hll.Triplets.ShouldNotBeNull();
        hll.Nibbles.ShouldBeNull();
        hll.Overflow.Length.ShouldBe(expected.Count(rank => rank - hll.Base >= 7));
        Enumerable.Range(0, 1 << 14).Where(i => hll.Rank(i) != expected[i]).ShouldBeEmpty();
        var count = hll.Count();
        hll = SerializerRoundTrip.Of(hll);
        hll.Count().ShouldBe(count);

        // More values fill the list past what a fourth bit costs: four bits, the list only of those 15 or more above.
        var i = 10_000;
        while (hll.Triplets is not null) Add(i++);
        hll.Nibbles.ShouldNotBeNull();
        i.ShouldBeInRange(20_000, 60_000);
        hll.Overflow.Length.ShouldBe(expected.Count(rank => rank - hll.Base >= 15));
        Enumerable.Range(0, 1 << 14).Where(r => hll.Rank(r) != expected[r]).ShouldBeEmpty();
        (Math.Abs(hll.Count() - i) / (double)i).ShouldBeLessThanOrEqualTo(0.02);
    }

    [Fact]
    public void A_checkpoint_with_four_bit_registers_keeps_them_and_its_estimate()
    {
        var today = new HyperLogLog();
        for (var i = 0; i < 5_000; i++) today.Add($"viewer-{i}");
        // As a build before three bits wrote it: the same ranks, four bits each.
        var nibbles = new byte[1 << 13];
        for (var r = 0; r < 1 << 14; r++) nibbles[r >> 1] |= (byte)(Math.Min(today.Rank(r), 15) << ((r & 1) << 2));
        var overflow = Enumerable.Range(0, 1 << 14).Where(r => today.Rank(r) >= 15).Select(r => r << 6 | today.Rank(r)).ToArray();
        var earlier = SerializerRoundTrip.Of(new HyperLogLog { Nibbles = nibbles, Overflow = overflow });

        earlier.Count().ShouldBe(today.Count());
        for (var i = 5_000; i < 6_000; i++) (earlier.Add($"viewer-{i}"), earlier.Count()).ShouldBe((today.Add($"viewer-{i}"), today.Count()));
        earlier.Triplets.ShouldBeNull();
        Enumerable.Range(0, 1 << 14).All(r => earlier.Rank(r) == today.Rank(r)).ShouldBeTrue();
    }

    [Fact]
    public void The_estimate_follows_values_added_after_it_was_read()
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < 10_000; i++) hll.Add($"v{i}");
        var first = hll.Count();
        for (var i = 10_000; i < 20_000; i++) hll.Add($"v{i}");

        (Math.Abs(hll.Count() - 20_000) / 20_000d).ShouldBeLessThanOrEqualTo(0.02);
        (Math.Abs(first - 10_000) / 10_000d).ShouldBeLessThanOrEqualTo(0.02);
    }

    [Fact]
    public void Packed_registers_survive_a_serializer_round_trip()
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < 50_000; i++) hll.Add($"viewer-{i}");
        var copy = SerializerRoundTrip.Of(hll);
        copy.Count().ShouldBe(hll.Count());
        Enumerable.Range(0, 1 << 14).All(i => copy.Rank(i) == hll.Rank(i)).ShouldBeTrue();
    }

    [Fact]
    public void The_exact_table_survives_a_serializer_round_trip()
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < 500; i++) hll.Add($"viewer-{i}");
        var copy = SerializerRoundTrip.Of(hll);
        copy.Count().ShouldBe(500);
        copy.Add("viewer-42").ShouldBeFalse();
        copy.Add("viewer-500").ShouldBeTrue();
    }

    [Fact]
    public void One_million_distinct_viewers_are_estimated_within_two_percent()
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < 1_000_000; i++) hll.Add($"viewer-{i}");
        var error = Math.Abs(hll.Count() - 1_000_000) / 1_000_000d;
        error.ShouldBeLessThanOrEqualTo(0.02);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(50_000)]
    [InlineData(200_000)]
    public void Mid_range_cardinalities_stay_within_two_percent(int n)
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < n; i++) hll.Add($"u{i}");
        (Math.Abs(hll.Count() - n) / (double)n).ShouldBeLessThanOrEqualTo(0.02);
    }

    [Fact]
    public void Adding_the_same_values_again_does_not_change_the_estimate()
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < 20_000; i++) hll.Add($"v{i}");
        var before = hll.Count();
        for (var i = 0; i < 20_000; i++) hll.Add($"v{i}");
        hll.Count().ShouldBe(before);
    }
}
