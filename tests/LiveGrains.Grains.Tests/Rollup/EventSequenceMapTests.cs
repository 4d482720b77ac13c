using LiveGrains.Grains.Rollup;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class EventSequenceMapTests
{
    [Theory]
    [InlineData("7312345678901234567-42", 20, 42L)]
    [InlineData("live-1-0", 7, 0L)]
    [InlineData("12345", 0, 12345L)]
    [InlineData("a-999999999999999999", 2, 999_999_999_999_999_999L)]
    public void An_id_ending_in_a_counter_reads_as_its_prefix_and_the_counter(string id, int prefixLength, long counter)
    {
        EventSequenceMap.TryRead(id, out var prefix, out var value).ShouldBeTrue();
        (prefix, value).ShouldBe((prefixLength, counter));
    }

    [Theory]
    [InlineData("live-1-07")]
    [InlineData("live-1-")]
    [InlineData("live-1-7x")]
    [InlineData("")]
    [InlineData("a-1000000000000000000")]
    [InlineData("7312345678901234567")]
    public void An_id_without_a_counter_of_one_spelling_is_not_read_as_one(string id) =>
        EventSequenceMap.TryRead(id, out _, out _).ShouldBeFalse();

    [Fact]
    public void A_map_forgets_the_generations_before_the_oldest_kept_and_drops_its_front()
    {
        var map = new EventSequenceMap("x-");
        for (var i = 0; i < 4_000; i++) map.TryAdd(i, i / 1_000).ShouldBeTrue();

        map.Forget(oldestKept: 2, newest: 3).ShouldBe(2);

        map.Held.ShouldBe(2_000);
        map.Base.ShouldBe(2_000);
        map.Contains(1_999).ShouldBeFalse();
        map.Contains(2_000).ShouldBeTrue();
        map.Contains(3_999).ShouldBeTrue();
    }
}
