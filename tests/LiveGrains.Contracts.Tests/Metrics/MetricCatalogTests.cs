using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Tests.Metrics;

public sealed class MetricCatalogTests
{
    private static readonly LiveCounters Sample = new()
    {
        Gmv = 1234.50m, AffiliateGmv = 400m, Orders = 10, ItemsSold = 14, Buyers = 8, Refunds = 1, RefundedAmount = 50m,
        Views = 500, UniqueViewers = 400, CurrentViewers = 120, PeakViewers = 180, ViewerSeconds = 90_000m,
        LiveImpressions = 10_000, ProductImpressions = 2_000, ProductClicks = 100, Likes = 900, Comments = 80,
        Shares = 20, NewFollowers = 30, DurationSeconds = 1800m,
    };

    public static TheoryData<string, decimal?> ExpectedValues => new()
    {
        { "gmv", 1234.50m }, { "affiliate_gmv", 400m }, { "orders", 10 }, { "items_sold", 14 }, { "buyers", 8 },
        { "aov", 123.45m }, { "refunds", 1 }, { "refunded_amount", 50m }, { "gmv_per_hour", 2469.00m },
        { "gpm_impressions", 123.45m }, { "gpm_views", 2469.00m }, { "views", 500 }, { "unique_viewers", 400 },
        { "current_viewers", 120 }, { "peak_viewers", 180 }, { "avg_viewers", 50.00m }, { "avg_view_duration", 180m },
        { "live_impressions", 10_000 }, { "enter_room_rate", 0.05m }, { "product_impressions", 2_000 },
        { "product_clicks", 100 }, { "ctr", 0.05m }, { "click_to_order_rate", 0.1m }, { "likes", 900 }, { "comments", 80 },
        { "shares", 20 }, { "new_followers", 30 }, { "follow_rate", 0.075m }, { "engagement_rate", 2m }, { "duration", 1800m },
    };

    [Theory]
    [MemberData(nameof(ExpectedValues))]
    public void Each_metric_is_derived_from_the_raw_counters(string key, decimal? expected) =>
        MetricCatalog.DeriveAll(Sample)[key].ShouldBe(expected);

    [Fact]
    public void Every_catalog_metric_has_an_expected_value_test() =>
        ExpectedValues.Select(row => (string)row.Data.Item1).Order().ShouldBe(MetricCatalog.All.Select(m => m.Key).Order());

    [Theory]
    [InlineData("aov")]
    [InlineData("gmv_per_hour")]
    [InlineData("gpm_impressions")]
    [InlineData("gpm_views")]
    [InlineData("avg_viewers")]
    [InlineData("avg_view_duration")]
    [InlineData("enter_room_rate")]
    [InlineData("ctr")]
    [InlineData("click_to_order_rate")]
    [InlineData("follow_rate")]
    [InlineData("engagement_rate")]
    public void A_ratio_with_a_zero_denominator_has_no_value(string key) =>
        MetricCatalog.DeriveAll(new LiveCounters { Gmv = 10, Orders = 0, Likes = 5, NewFollowers = 3, ProductClicks = 0 })[key].ShouldBeNull();

    [Fact]
    public void Counts_of_an_empty_live_are_zero_not_missing()
    {
        var values = MetricCatalog.DeriveAll(new LiveCounters());
        values["gmv"].ShouldBe(0);
        values["orders"].ShouldBe(0);
        values["views"].ShouldBe(0);
    }

    [Fact]
    public void Money_is_rounded_to_cents_and_ratios_to_four_places()
    {
        var values = MetricCatalog.DeriveAll(new LiveCounters { Gmv = 10m, Orders = 3, ProductClicks = 1, ProductImpressions = 3 });
        values["aov"].ShouldBe(3.33m);
        values["ctr"].ShouldBe(0.3333m);
    }

    [Fact]
    public void Keys_are_unique_and_every_entry_has_a_definition()
    {
        MetricCatalog.All.Select(m => m.Key).Distinct().Count().ShouldBe(MetricCatalog.All.Count);
        MetricCatalog.All.ShouldAllBe(m => m.Definition.Length > 10 && m.Name.Length > 0);
    }

    [Fact]
    public void Defaults_are_valid_choices()
    {
        MetricCatalog.ValidateChoice(MetricCatalog.DefaultCardMetrics.ToList()).ShouldBeNull();
        MetricCatalog.ValidateChoice(MetricCatalog.DefaultListMetrics.ToList()).ShouldBeNull();
    }

    [Fact]
    public void A_tenth_metric_is_refused() =>
        MetricCatalog.ValidateChoice(MetricCatalog.All.Take(10).Select(m => m.Key).ToList())!.ShouldContain("at most 9");

    [Fact]
    public void An_unknown_metric_key_is_refused_by_name() =>
        MetricCatalog.ValidateChoice(["gmv", "happiness"])!.ShouldContain("happiness");

    [Fact]
    public void A_repeated_metric_key_is_refused() =>
        MetricCatalog.ValidateChoice(["gmv", "gmv"])!.ShouldContain("twice");

    [Fact]
    public void An_empty_choice_is_refused() => MetricCatalog.ValidateChoice([]).ShouldNotBeNull();
}
