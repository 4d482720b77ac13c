using LiveGrains.Grains.Rollup;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class DedupeWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>How a producer spells its event ids.</summary>
    public enum Spelling
    {
        /// <summary>Ids that end in a letter: kept as fingerprints.</summary>
        Opaque,

        /// <summary>A LIVE's prefix and a counter: kept in the map of counters.</summary>
        Numbered,

        /// <summary>Numbered ids with other prefixes, leading zeros, counters too long or too sparse for the map among them.</summary>
        Mixed,
    }

    /// <summary>Every spelling, for the rules that hold whatever a producer writes.</summary>
    public static TheoryData<Spelling> Spellings => [Spelling.Opaque, Spelling.Numbered, Spelling.Mixed];

    private static string Id(int i) => Id(i, Spelling.Opaque);

    private static string Id(int i, Spelling spelling) => spelling switch
    {
        Spelling.Opaque => $"e-{i}x",
        Spelling.Numbered => $"live-1-{i}",
        _ => ((i % 7 + 7) % 7) switch
        {
            0 => $"other-{i}",
            1 => $"live-1-0{i}",
            2 => $"live-1-{i * 1_000_003L}",
            3 => $"live-1-{1_000_000_000_000_000_000UL + (ulong)i}",
            _ => $"live-1-{i}",
        },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void An_id_is_recognised_whatever_occurredAt_its_retry_carries(Spelling spelling)
    {
        var window = new DedupeWindow();
        window.Add(Id(1, spelling), T0);
        window.Add(Id(2, spelling), T0.AddMinutes(6));

        window.Check(Id(1, spelling), T0.AddMinutes(7)).ShouldBe(DedupeCheck.Seen);
        window.Check(Id(2, spelling), T0).ShouldBe(DedupeCheck.Seen);
        window.Check(Id(3, spelling), T0.AddMinutes(3)).ShouldBe(DedupeCheck.New);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Events_up_to_the_window_before_the_newest_are_inside_and_older_ones_before_it(Spelling spelling)
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        window.Add(Id(1, spelling), T0);
        window.Add(Id(2, spelling), T0.AddHours(1));

        window.Check(Id(3, spelling), T0.AddHours(1) - TimeSpan.FromMinutes(10)).ShouldBe(DedupeCheck.New);
        window.Check(Id(1, spelling), T0).ShouldBe(DedupeCheck.BeforeWindow);
        window.Start.ShouldBeLessThanOrEqualTo(T0.AddMinutes(50));
        window.Start.ShouldBeGreaterThan(T0.AddMinutes(44));
    }

    [Fact]
    public void A_long_LIVE_remembers_only_the_ids_of_its_window()
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        // Six hours at four events a second, a little out of order.
        for (var i = 0; i < 6 * 3600 * 4; i++) window.Add(Id(i), T0.AddSeconds(i / 4.0 - i % 7));

        window.Count.ShouldBeLessThanOrEqualTo(15 * 60 * 4 + 7 * 4);
        window.Count.ShouldBeGreaterThanOrEqualTo(10 * 60 * 4);
        // Rebuilt for each generation that leaves: never more than twice the entries it holds, and no entry lost.
        window.Table.Length.ShouldBeLessThanOrEqualTo(2 * window.Count);
        window.Table.Count(entry => entry != 0).ShouldBe(window.Count);
    }

    [Fact]
    public void At_a_steady_rate_a_LIVE_keeps_one_table_from_generation_to_generation()
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        var tables = new HashSet<ulong[]>(ReferenceEqualityComparer.Instance);
        // Two hours at four events a second, a little out of order; the tables from the second half hour on are counted.
        for (var i = 0; i < 2 * 3600 * 4; i++)
        {
            window.Add(Id(i), T0.AddSeconds(i / 4.0 - i % 7));
            if (i >= 1800 * 4) tables.Add(window.Table);
        }

        tables.Count.ShouldBe(1);
        window.Table.Count(entry => entry != 0).ShouldBe(window.Count);
        window.Check(Id(2 * 3600 * 4 - 100), T0.AddHours(2)).ShouldBe(DedupeCheck.Seen);
        window.Check(Id(-1), T0.AddHours(2)).ShouldBe(DedupeCheck.New);
        window.Check(Id(3600 * 4), T0.AddHours(1)).ShouldBe(DedupeCheck.BeforeWindow);
    }

    [Fact]
    public void A_LIVE_whose_rate_falls_gets_a_smaller_table()
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 3600 * 4; i++) window.Add(Id(i), T0.AddSeconds(i / 4.0));
        var busy = window.Table.Length;
        // Then an hour at one event every two seconds.
        for (var i = 0; i < 1800; i++) window.Add(Id(100_000 + i), T0.AddHours(1).AddSeconds(i * 2.0));

        window.Table.Length.ShouldBeLessThan(busy / 4);
        window.Table.Count(entry => entry != 0).ShouldBe(window.Count);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void An_id_whose_generation_left_the_window_is_forgotten(Spelling spelling)
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        window.Add(Id(1, spelling), T0);
        window.Add(Id(2, spelling), T0.AddMinutes(5));
        window.Add(Id(3, spelling), T0.AddMinutes(10));
        window.Check(Id(1, spelling), T0.AddMinutes(10)).ShouldBe(DedupeCheck.Seen);

        window.Add(Id(4, spelling), T0.AddMinutes(15));

        window.Count.ShouldBe(3);
        window.Check(Id(1, spelling), T0.AddMinutes(15)).ShouldBe(DedupeCheck.New);
        window.Check(Id(2, spelling), T0.AddMinutes(15)).ShouldBe(DedupeCheck.Seen);
        window.Check(Id(3, spelling), T0.AddMinutes(5)).ShouldBe(DedupeCheck.Seen);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void After_a_pause_of_more_than_sixteen_generations_the_ids_before_it_are_forgotten(Spelling spelling)
    {
        // Eighteen generations of 150 s: an entry's four tag bits alone would read its generation as two before the newest.
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 10; i++) window.Add(Id(i, spelling), T0.AddSeconds(i));

        window.Add(Id(10, spelling), T0.AddMinutes(45));

        window.Count.ShouldBe(1);
        window.Check(Id(3, spelling), T0.AddMinutes(45)).ShouldBe(DedupeCheck.New);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void The_window_answers_as_a_set_per_generation_does_under_random_order(Spelling spelling)
    {
        // The reference: a set per generation, the newest and a window's length of generations before it kept, as the rules say.
        var random = new Random(7);
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(2));
        var generations = new SortedDictionary<long, HashSet<int>>();
        long newest = long.MinValue;
        var clock = 0.0;
        for (var step = 0; step < 60_000; step++)
        {
            // Mostly forward in time, with late events, retries of recent ids, and now and then a pause past the window.
            clock += random.Next(100) == 0 ? random.Next(100, 400) : random.NextDouble();
            var at = T0.AddSeconds(clock - random.Next(0, 150));
            var id = random.Next(3) == 0 ? Math.Max(0, step - random.Next(1, 2_000)) : step;
            var generation = (long)Math.Floor((at - DateTimeOffset.UnixEpoch).TotalSeconds / 30);
            var expected = newest == long.MinValue ? DedupeCheck.New
                : generation < newest - 4 ? DedupeCheck.BeforeWindow
                : generations.Values.Any(ids => ids.Contains(id)) ? DedupeCheck.Seen : DedupeCheck.New;

            window.Check(Id(id, spelling), at).ShouldBe(expected, $"step {step}, id {id}");
            if (expected != DedupeCheck.New) continue;
            window.Add(Id(id, spelling), at);
            newest = Math.Max(newest, generation);
            foreach (var gone in generations.Keys.Where(g => g < newest - 4).ToList()) generations.Remove(gone);
            if (!generations.TryGetValue(generation, out var set)) generations[generation] = set = [];
            set.Add(id);
            window.Count.ShouldBe(generations.Values.Sum(ids => ids.Count), $"step {step}");
        }
    }

    [Theory]
    [InlineData(Spelling.Opaque)]
    [InlineData(Spelling.Numbered)]
    public void A_checkpoint_with_a_table_per_generation_is_moved_into_one_table(Spelling spelling)
    {
        var window = new DedupeWindow { Generations = [] };
        var slot = T0.ToUnixTimeSeconds() / 300;
        for (var g = 0; g < 3; g++)
        {
            // The oldest generation as the first half-width checkpoints could not have written it: full width.
            var ids = new FingerprintSet(g == 0 ? FingerprintWidth.Full : FingerprintWidth.Half);
            for (var i = 0; i < 100; i++) ids.Add(Id(g * 100 + i, spelling));
            window.Generations.Add(new DedupeGeneration { Slot = slot + g, Ids = ids });
        }

        window.Count.ShouldBe(300);
        window.Generations.ShouldBeNull();
        window.Start.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(slot * 300));
        for (var i = 0; i < 300; i++) window.Check(Id(i, spelling), T0.AddMinutes(12)).ShouldBe(DedupeCheck.Seen);
        window.Check(Id(300, spelling), T0.AddMinutes(12)).ShouldBe(DedupeCheck.New);

        window.Add(Id(300, spelling), T0.AddMinutes(15));

        window.Check(Id(0, spelling), T0.AddMinutes(15)).ShouldBe(DedupeCheck.New);
        window.Check(Id(100, spelling), T0.AddMinutes(15)).ShouldBe(DedupeCheck.Seen);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void An_id_from_before_the_window_is_not_remembered(Spelling spelling)
    {
        var window = new DedupeWindow();
        window.Add(Id(1, spelling), T0.AddHours(1));
        window.Add(Id(2, spelling), T0);

        window.Count.ShouldBe(1);
    }

    [Fact]
    public void A_window_keeps_its_length_once_it_holds_ids()
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(30));
        window.Add(Id(1), T0);
        window.UseLength(TimeSpan.FromMinutes(2));

        window.Length.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void A_window_shorter_than_two_seconds_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new DedupeWindow().UseLength(TimeSpan.FromSeconds(1)))
            .Message.ShouldContain("at least 2 seconds");
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void A_window_survives_the_serializer(Spelling spelling)
    {
        var window = new DedupeWindow();
        for (var i = 0; i < 100; i++) window.Add(Id(i, spelling), T0.AddMinutes(i / 10.0));

        var copy = SerializerRoundTrip.Of(window);

        copy.Count.ShouldBe(window.Count);
        copy.Start.ShouldBe(window.Start);
        copy.Check(Id(99, spelling), T0.AddMinutes(9.9)).ShouldBe(DedupeCheck.Seen);
        copy.Check(Id(100, spelling), T0.AddMinutes(9.9)).ShouldBe(DedupeCheck.New);
    }

    [Fact]
    public void Numbered_ids_of_a_long_LIVE_take_half_a_byte_each_and_no_fingerprints()
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        // Two hours at four events a second, a little out of order.
        for (var i = 0; i < 2 * 3600 * 4; i++) window.Add(Id(i, Spelling.Numbered), T0.AddSeconds(i / 4.0 - i % 7));

        window.Count.ShouldBeGreaterThanOrEqualTo(10 * 60 * 4);
        window.Count.ShouldBeLessThanOrEqualTo(15 * 60 * 4 + 7 * 4);
        window.Table.ShouldBeEmpty();
        window.Sequences.Held.ShouldBe(window.Count);
        window.Sequences.Tags.Length.ShouldBeLessThanOrEqualTo(window.Count);
        window.Check(Id(2 * 3600 * 4 - 100, Spelling.Numbered), T0.AddHours(2)).ShouldBe(DedupeCheck.Seen);
        window.Check(Id(2 * 3600 * 4, Spelling.Numbered), T0.AddHours(2)).ShouldBe(DedupeCheck.New);
    }

    [Fact]
    public void Ids_with_the_same_counter_spelled_differently_are_different_events()
    {
        string[] ids = ["live-1-7", "live-1-07", "live-1-007", "other-7", "live-1-7x", "7", "live-1-", "live-1-70"];
        var window = new DedupeWindow();
        foreach (var id in ids)
        {
            window.Check(id, T0).ShouldBe(DedupeCheck.New, id);
            window.Add(id, T0);
        }

        window.Count.ShouldBe(ids.Length);
        window.Sequences.Held.ShouldBe(2);
        foreach (var id in ids) window.Check(id, T0).ShouldBe(DedupeCheck.Seen, id);
    }

    [Fact]
    public void Counters_too_sparse_for_the_map_are_kept_as_fingerprints()
    {
        var window = new DedupeWindow();
        for (var i = 0; i < 500; i++) window.Add($"live-1-{i * 1_000_000L}", T0.AddSeconds(i / 10.0));

        window.Count.ShouldBe(500);
        window.Sequences.Tags.Length.ShouldBeLessThanOrEqualTo(1024);
        window.Held.ShouldBeGreaterThan(450);
        for (var i = 0; i < 500; i++) window.Check($"live-1-{i * 1_000_000L}", T0.AddMinutes(1)).ShouldBe(DedupeCheck.Seen);
        window.Check("live-1-1", T0.AddMinutes(1)).ShouldBe(DedupeCheck.New);
    }

    [Fact]
    public void A_counter_kept_as_a_fingerprint_is_still_recognised_once_the_map_reaches_it()
    {
        var window = new DedupeWindow();
        window.Add("live-1-0", T0);
        // Far beyond what the map may span with one id held: a fingerprint.
        window.Add("live-1-100000", T0);
        window.Held.ShouldBe(1);
        // Then the map grows towards it, one dense id at a time.
        for (var i = 1; i < 100_000; i += 3) window.Add($"live-1-{i}", T0.AddSeconds(i / 1000.0));

        window.Sequences.Base.ShouldBe(0);
        (window.Sequences.Tags.Length * 2L).ShouldBeGreaterThan(100_000);
        window.Check("live-1-100000", T0.AddMinutes(2)).ShouldBe(DedupeCheck.Seen);
        window.Check("live-1-99999", T0.AddMinutes(2)).ShouldBe(DedupeCheck.New);
        window.Add("live-1-100000", T0.AddMinutes(2));
        window.Count.ShouldBe(2 + 33_333);
    }
}
