using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Grains.Rollup;

/// <summary>Raw counters of one minute of a LIVE; the trends and the totals are both sums of these.</summary>
[GenerateSerializer, Alias("lg.MinuteBucket")]
public sealed class MinuteBucket
{
    [Id(0)] public decimal Gmv;
    [Id(1)] public decimal AffiliateGmv;
    [Id(2)] public decimal RefundedAmount;
    [Id(3)] public long Orders;
    [Id(4)] public long ItemsSold;
    [Id(5)] public long Refunds;
    [Id(6)] public long Views;
    [Id(7)] public long LiveImpressions;
    [Id(8)] public long ProductImpressions;
    [Id(9)] public long ProductClicks;
    [Id(10)] public long Likes;
    [Id(11)] public long Comments;
    [Id(12)] public long Shares;
    [Id(13)] public long NewFollowers;
    [Id(14)] public long ViewerSampleSum;
    [Id(15)] public long ViewerSamples;
    [Id(16)] public long ViewerSampleMax;
    [Id(17)] public long LastSample;
    [Id(18)] public DateTimeOffset LastSampleAt;
    [Id(19)] public long Leaves;

    /// <summary>Likes, comments and shares: what the engagement rule watches.</summary>
    public long Interactions => Likes + Comments + Shares;

    /// <summary>Mean of this minute's viewer samples, or null without samples.</summary>
    public decimal? AverageViewers => ViewerSamples == 0 ? null : (decimal)ViewerSampleSum / ViewerSamples;

    /// <summary>Adds <paramref name="other"/>'s counters (not its viewer samples) to this one's.</summary>
    public void AddCounts(MinuteBucket other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Gmv += other.Gmv; AffiliateGmv += other.AffiliateGmv; RefundedAmount += other.RefundedAmount;
        Orders += other.Orders; ItemsSold += other.ItemsSold; Refunds += other.Refunds; Views += other.Views;
        LiveImpressions += other.LiveImpressions; ProductImpressions += other.ProductImpressions; ProductClicks += other.ProductClicks;
        Likes += other.Likes; Comments += other.Comments; Shares += other.Shares; NewFollowers += other.NewFollowers; Leaves += other.Leaves;
    }

    /// <summary>Subtracts <paramref name="other"/>'s counters (not its viewer samples) from this one's.</summary>
    public void SubtractCounts(MinuteBucket other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Gmv -= other.Gmv; AffiliateGmv -= other.AffiliateGmv; RefundedAmount -= other.RefundedAmount;
        Orders -= other.Orders; ItemsSold -= other.ItemsSold; Refunds -= other.Refunds; Views -= other.Views;
        LiveImpressions -= other.LiveImpressions; ProductImpressions -= other.ProductImpressions; ProductClicks -= other.ProductClicks;
        Likes -= other.Likes; Comments -= other.Comments; Shares -= other.Shares; NewFollowers -= other.NewFollowers; Leaves -= other.Leaves;
    }

    /// <summary>Adds <paramref name="later"/>, a bucket of the same minute, counters and viewer samples both.</summary>
    public void Merge(MinuteBucket later)
    {
        AddCounts(later);
        ViewerSampleSum += later.ViewerSampleSum;
        ViewerSamples += later.ViewerSamples;
        ViewerSampleMax = Math.Max(ViewerSampleMax, later.ViewerSampleMax);
        if (later.ViewerSamples > 0 && later.LastSampleAt >= LastSampleAt) (LastSample, LastSampleAt) = (later.LastSample, later.LastSampleAt);
    }

    /// <summary>This minute as counters, for the per-minute trend (distinct counts do not apply to a minute).</summary>
    public LiveCounters ToCounters(decimal averageViewers, decimal seconds) => new()
    {
        Gmv = Gmv, AffiliateGmv = AffiliateGmv, Orders = Orders, ItemsSold = ItemsSold, Refunds = Refunds,
        RefundedAmount = RefundedAmount, Views = Views, CurrentViewers = LastSample, PeakViewers = ViewerSampleMax,
        ViewerSeconds = averageViewers * seconds, LiveImpressions = LiveImpressions,
        ProductImpressions = ProductImpressions, ProductClicks = ProductClicks, Likes = Likes, Comments = Comments,
        Shares = Shares, NewFollowers = NewFollowers, DurationSeconds = seconds,
    };
}
