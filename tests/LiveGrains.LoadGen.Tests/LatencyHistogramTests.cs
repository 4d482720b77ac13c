using LiveGrains.LoadGen.Measure;

namespace LiveGrains.LoadGen.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Values_below_128_microseconds_are_exact()
    {
        var h = new LatencyHistogram();
        foreach (var v in new long[] { 5, 1, 3, 2, 4 }) h.Record(v);

        h.Percentile(50).ShouldBe(3);
        h.Percentile(20).ShouldBe(1);
        h.Percentile(100).ShouldBe(5);
        h.Min.ShouldBe(1);
    }

    [Fact]
    public void Percentiles_of_a_uniform_range_are_within_two_percent_of_the_true_values()
    {
        var h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) h.Record(v);

        foreach (var (p, expected) in new[] { (50.0, 50_000L), (95.0, 95_000L), (99.0, 99_000L), (99.9, 99_900L) })
        {
            var got = h.Percentile(p);
            got.ShouldBeGreaterThanOrEqualTo(expected);
            ((double)got / expected).ShouldBeLessThan(1.016);
        }
        h.Max.ShouldBe(100_000);
        h.Count.ShouldBe(100_000);
    }

    [Fact]
    public void A_percentile_is_never_reported_above_the_largest_value()
    {
        var h = new LatencyHistogram();
        h.Record(1_000_001);

        h.Percentile(50).ShouldBe(1_000_001);
        h.Percentile(99).ShouldBe(1_000_001);
    }

    [Fact]
    public void Merged_histograms_answer_like_one_that_saw_every_value()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        var all = new LatencyHistogram();
        for (long v = 0; v < 5_000; v++)
        {
            (v % 2 == 0 ? a : b).Record(v * 37);
            all.Record(v * 37);
        }
        a.Merge(b);

        a.Count.ShouldBe(all.Count);
        a.Max.ShouldBe(all.Max);
        foreach (var p in new[] { 50.0, 90, 99, 99.99 }) a.Percentile(p).ShouldBe(all.Percentile(p));
    }

    [Fact]
    public void Every_bucket_holds_the_values_it_claims()
    {
        foreach (var v in new long[] { 0, 127, 128, 129, 255, 256, 1_000, 65_535, 1L << 40, long.MaxValue / 2 })
        {
            var index = LatencyHistogram.IndexOf(v);
            LatencyHistogram.HighestIn(index).ShouldBeGreaterThanOrEqualTo(v);
            if (index > 0) LatencyHistogram.HighestIn(index - 1).ShouldBeLessThan(v);
        }
    }

    [Fact]
    public void An_empty_histogram_reports_zero()
    {
        new LatencyHistogram().Percentile(99).ShouldBe(0);
    }
}
