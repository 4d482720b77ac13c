using LiveGrains.Grains.Rollup;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class HyperLogLogTests
{
    [Fact]
    public void Small_sets_are_counted_exactly()
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < 1000; i++) hll.Add($"viewer-{i}");
        for (var i = 0; i < 1000; i++) hll.Add($"viewer-{i}").ShouldBeFalse();
        hll.Count().ShouldBe(1000);
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
