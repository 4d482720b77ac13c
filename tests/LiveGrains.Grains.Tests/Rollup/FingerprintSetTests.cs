using LiveGrains.Grains.Rollup;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class FingerprintSetTests
{
    [Fact]
    public void An_id_is_added_once_and_then_recognised()
    {
        var set = new FingerprintSet();

        set.Contains("live-1-1").ShouldBeFalse();
        set.Add("live-1-1").ShouldBeTrue();
        set.Add("live-1-1").ShouldBeFalse();

        set.Contains("live-1-1").ShouldBeTrue();
        set.Contains("live-1-2").ShouldBeFalse();
        set.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(FingerprintWidth.Full)]
    [InlineData(FingerprintWidth.Half)]
    public void Growing_keeps_every_id_and_admits_no_stranger(FingerprintWidth width)
    {
        var set = new FingerprintSet(width);
        var ids = Enumerable.Range(0, 50_000).Select(i => $"7200000000000000{i % 97}-{i}").ToList();

        ids.All(set.Add).ShouldBeTrue();

        set.Count.ShouldBe(ids.Count);
        ids.All(set.Contains).ShouldBeTrue();
        ids.Any(set.Add).ShouldBeFalse();
        Enumerable.Range(50_000, 50_000).Select(i => $"7200000000000000{i % 97}-{i}").Any(set.Contains).ShouldBeFalse();
    }

    [Fact]
    public void Ids_differing_only_in_case_or_unicode_are_distinct()
    {
        var set = new FingerprintSet();

        set.Add("Order-é").ShouldBeTrue();
        set.Add("order-é").ShouldBeTrue();
        set.Add("Order-e\u0301").ShouldBeTrue();
        set.Add(new string('x', 1_000)).ShouldBeTrue();
        set.Add(new string('x', 1_000)).ShouldBeFalse();
    }

    [Fact]
    public void A_half_width_set_holds_the_same_ids_in_half_the_bytes()
    {
        var full = new FingerprintSet();
        var half = new FingerprintSet(FingerprintWidth.Half);
        var ids = Enumerable.Range(0, 3_000).Select(i => $"e-{i}").ToList();

        ids.All(full.Add).ShouldBeTrue();
        ids.All(half.Add).ShouldBeTrue();

        half.Count.ShouldBe(full.Count);
        half.Table.Length.ShouldBe(full.Table.Length / 2);
        ids.Any(half.Add).ShouldBeFalse();
        half.Contains("e-3000").ShouldBeFalse();
    }

    [Theory]
    [InlineData(FingerprintWidth.Full)]
    [InlineData(FingerprintWidth.Half)]
    public void Lookups_and_adds_in_any_interleaving_answer_as_a_plain_set_does(FingerprintWidth width)
    {
        var set = new FingerprintSet(width);
        var model = new HashSet<string>();
        var random = new Random(7);
        for (var step = 0; step < 30_000; step++)
        {
            // A pool that grows slower than the steps: ids come back, as retries do, and lookups miss and hit.
            var id = $"e-{random.Next(step / 2 + 1)}";
            if (random.Next(3) == 0) set.Contains(id).ShouldBe(model.Contains(id), $"Contains({id}) at step {step}");
            else set.Add(id).ShouldBe(model.Add(id), $"Add({id}) at step {step}");
        }
        set.Count.ShouldBe(model.Count);
        model.All(set.Contains).ShouldBeTrue();
    }

    [Fact]
    public void A_table_doubles_only_when_a_new_id_would_fill_more_than_seven_eighths_of_it()
    {
        var set = new FingerprintSet(FingerprintWidth.Half);
        for (var i = 0; i < 896; i++) set.Add($"e-{i}");

        set.Add("e-0").ShouldBeFalse();
        set.Table.Length.ShouldBe(1_024 * sizeof(ulong));
        set.Add("e-896").ShouldBeTrue();
        set.Table.Length.ShouldBe(2_048 * sizeof(ulong));
    }

    [Theory]
    [InlineData(FingerprintWidth.Full)]
    [InlineData(FingerprintWidth.Half)]
    public void A_copy_made_by_the_grain_state_serializer_remembers_the_same_ids(FingerprintWidth width)
    {
        var set = new FingerprintSet(width);
        for (var i = 0; i < 1_000; i++) set.Add($"e-{i}");

        var copy = SerializerRoundTrip.Of(set);

        copy.Width.ShouldBe(width);
        copy.Count.ShouldBe(1_000);
        copy.Contains("e-999").ShouldBeTrue();
        copy.Add("e-0").ShouldBeFalse();
        copy.Add("e-1000").ShouldBeTrue();
    }
}
