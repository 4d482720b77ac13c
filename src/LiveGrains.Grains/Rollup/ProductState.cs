namespace LiveGrains.Grains.Rollup;

/// <summary>Per-product counters within one LIVE.</summary>
[GenerateSerializer, Alias("lg.ProductState")]
public sealed class ProductState
{
    [Id(0)] public string? Name;
    [Id(1)] public decimal? Price;
    [Id(2)] public string? Currency;
    [Id(3)] public string? ImageUrl;
    [Id(4)] public long Impressions;
    [Id(5)] public long Clicks;
    [Id(6)] public long Orders;
    [Id(7)] public long ItemsSold;
    [Id(8)] public decimal Gmv;
    [Id(9)] public long Refunds;
}
