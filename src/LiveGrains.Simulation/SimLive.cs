namespace LiveGrains.Simulation;

/// <summary>The simulator's private picture of one LIVE on air.</summary>
internal sealed class SimLive(string liveId, SimCreator creator, DateTimeOffset startedAt, DateTimeOffset endsAt, double popularity, double trend)
{
    public string LiveId { get; } = liveId;
    public SimCreator Creator { get; } = creator;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset EndsAt { get; } = endsAt;
    public double Popularity { get; } = popularity;
    /// <summary>Relative change of popularity per minute; negative for LIVEs that lose their audience.</summary>
    public double Trend { get; } = trend;
    public List<string> Present { get; } = [];
    public List<(string ProductId, string Name, decimal Price)> Products { get; } = [];
    public List<(DateTimeOffset Due, string OrderId, string ProductId, decimal Amount, bool Affiliate)> PendingRefunds { get; } = [];
    public int NextEvent { get; set; }
    public int NextViewer { get; set; }
    public int NextOrder { get; set; }
    public int PinnedIndex { get; set; } = -1;
    public string? PromotionId { get; set; }
    public string? PromotionProductId { get; set; }
    public bool PromotionIsSale { get; set; }
    public DateTimeOffset PromotionEndsAt { get; set; }
    public int Promotions { get; set; }
    public int Violations { get; set; }
    public DateTimeOffset NextSampleAt { get; set; }
    public bool Ended { get; set; }

    public double PopularityAt(DateTimeOffset now) =>
        Math.Max(0.05, Popularity * (1 + Trend * (now - StartedAt).TotalMinutes));
}
