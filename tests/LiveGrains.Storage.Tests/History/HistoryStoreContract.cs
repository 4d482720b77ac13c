using System.Text.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Sessions;

namespace LiveGrains.Storage.Tests.History;

/// <summary>
/// What every history store must do, whatever it is built on: the in-memory store of embedded mode and the
/// Postgres store of cluster mode both run these.
/// </summary>
public abstract class HistoryStoreContract
{
    private static readonly DateTimeOffset Day = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<ILiveHistoryStore> Store();

    /// <summary>A completed LIVE started <paramref name="dayOffset"/> days from <see cref="Day"/>, with the given orders.</summary>
    protected static LiveHistoryRecord Live(string agency, string creator, string liveId, int dayOffset, params decimal[] orders)
    {
        var state = new LiveSessionState { Creator = new CreatorProfile(creator, $"Name of {creator}", null, CreatorType.Affiliate, agency, null) };
        var start = Day.AddDays(dayOffset);
        var n = 0;
        LiveEvent E(TimeSpan at, LiveEventData data) => new($"{liveId}-{++n}", liveId, creator, start + at, data);
        state.Rollup.Apply(E(TimeSpan.Zero, new LiveStarted($"Show {liveId}", CreatorType.Affiliate)));
        state.Rollup.Apply(E(TimeSpan.FromMinutes(1), new ViewerJoined("v1", Gender.Male, AgeBand.Age35To44, "GB", false, TrafficSource.Search)));
        foreach (var amount in orders) state.Rollup.Apply(E(TimeSpan.FromMinutes(2), new OrderPaid($"o{n}", "p1", "b1", 1, amount, "USD", true)));
        state.Rollup.Apply(E(TimeSpan.FromMinutes(30), new LiveEnded(LiveEndReason.Ended)));
        var dashboard = LiveViews.Dashboard(state, start.AddHours(1), 5);
        return new LiveHistoryRecord(LiveViews.Summary(dashboard), dashboard);
    }

    /// <summary>
    /// A LIVE with something in every part of its dashboard: viewer samples over several minutes, a profile,
    /// two products (one pinned), promotions, a warning and a suspension, and more comments than a card shows.
    /// Only the first <paramref name="events"/> events of the script are applied, for a LIVE seen part way.
    /// </summary>
    protected static LiveHistoryRecord Detailed(string liveId, string agency = "a", int events = int.MaxValue)
    {
        var state = new LiveSessionState { Creator = new CreatorProfile("c9", "Ada", "https://cdn.example/ada.png", CreatorType.Seller, agency, null) };
        (int Second, LiveEventData Data)[] script =
        [
            (0, new LiveStarted("Autumn drop", CreatorType.Seller)),
            (3, new ViewerCountSampled(40)),
            (5, new LiveImpressions(400)),
            (10, new ViewerJoined("v1", Gender.Female, AgeBand.Age18To24, "US", true, TrafficSource.ForYou)),
            (12, new ViewerJoined("v2", Gender.Male, AgeBand.Age25To34, "GB", false, TrafficSource.Search)),
            (20, new ProductPinned("p1", "Wool scarf", 19.90m, "USD", "https://cdn.example/scarf.png")),
            (25, new ProductImpressions("p1", 120)),
            (30, new ProductClicks("p1", 9)),
            (40, new CommentPosted("v1", "ann", "love it")),
            (62, new ViewerCountSampled(75)),
            (65, new PromotionStarted("promo-1", PromotionKind.FlashSale, "20% off scarves", "p1")),
            (70, new OrderPaid("o1", "p1", "b1", 2, 39.80m, "USD", false)),
            (75, new OrderPaid("o2", "p2", "b2", 1, 5.5m, "USD", true)),
            (80, new LikesReceived(250)),
            (85, new LiveShared("v2")),
            (90, new CreatorFollowed("v2")),
            (95, new CommentPosted("v2", "bob", "price?")),
            (100, new ProductImpressions("p2", 33)),
            (110, new ViolationRecorded("w1", "misleading_claims", "Said 'best in the world'", 2, ViolationAction.Warning)),
            (125, new PromotionEnded("promo-1")),
            (130, new PromotionStarted("promo-2", PromotionKind.Giveaway, "Free gloves", null)),
            (135, new ViewerCountSampled(61)),
            (140, new OrderRefunded("o2", "p2", 1, 5.5m, "USD", true)),
            (150, new ViewerJoined("v3", Gender.Unknown, AgeBand.Unknown, "US", false, TrafficSource.Following)),
            .. Enumerable.Range(0, 6).Select(i => (160 + i, (LiveEventData)new CommentPosted($"v{i}", $"nick{i}", $"comment {i}"))),
            (200, new ViolationRecorded("s1", "dangerous_acts", "Unsafe stunt", 12, ViolationAction.Suspension)),
        ];
        var n = 0;
        foreach (var (second, data) in script.Take(events))
            state.Rollup.Apply(new LiveEvent($"{liveId}-{++n}", liveId, "c9", Day.AddSeconds(second), data));
        var dashboard = LiveViews.Dashboard(state, Day.AddMinutes(10), 5);
        return new LiveHistoryRecord(LiveViews.Summary(dashboard), dashboard);
    }

    /// <summary>Asserts that two dashboards are equal part by part, as their JSON with the app's options.</summary>
    protected static void ShouldBeTheSame(LiveDashboard actual, LiveDashboard expected)
    {
        static string Json<T>(T value) => JsonSerializer.Serialize(value, LiveJson.Options);
        Json(actual.Card).ShouldBe(Json(expected.Card), "card");
        Json(actual.Counters).ShouldBe(Json(expected.Counters), "counters");
        Json(actual.Profile).ShouldBe(Json(expected.Profile), "profile");
        Json(actual.Trends).ShouldBe(Json(expected.Trends), "trends");
        Json(actual.Products).ShouldBe(Json(expected.Products), "products");
        Json(actual.Promotions).ShouldBe(Json(expected.Promotions), "promotions");
        Json(actual.Violations).ShouldBe(Json(expected.Violations), "violations");
        Json(actual.Comments).ShouldBe(Json(expected.Comments), "comments");
        actual.EndReason.ShouldBe(expected.EndReason, "end reason");
        Json(actual).ShouldBe(Json(expected));
    }

    private static async Task SaveAll(ILiveHistoryStore store, IEnumerable<LiveHistoryRecord> records)
    {
        foreach (var r in records) await store.SaveAsync(r, Ct);
    }

    [Fact]
    public async Task An_agency_without_history_gets_an_empty_page()
    {
        var page = await (await Store()).QueryAsync(new HistoryQuery("nobody"), Ct);
        (page.Items.Count, page.Total).ShouldBe((0, 0L));
    }

    [Fact]
    public async Task Pages_cover_every_row_once_newest_first()
    {
        var store = await Store();
        await SaveAll(store, Enumerable.Range(0, 25).Select(i => Live("a", "c1", $"L{i:00}", -i, 10)));

        var pages = new List<Page<LiveSummary>>();
        for (var p = 1; p <= 3; p++) pages.Add(await store.QueryAsync(new HistoryQuery("a", PageSize: 10, Page: p), Ct));

        pages.Select(p => p.Items.Count).ShouldBe([10, 10, 5]);
        pages.ShouldAllBe(p => p.Total == 25);
        pages.SelectMany(p => p.Items).Select(s => s.LiveId).ShouldBe(Enumerable.Range(0, 25).Select(i => $"L{i:00}"));
    }

    [Fact]
    public async Task Every_sort_orders_the_rows_and_rows_without_a_value_come_last()
    {
        var store = await Store();
        await SaveAll(store, [Live("a", "c1", "old", -3, 50), Live("a", "c1", "mid", -2), Live("a", "c1", "new", -1, 20, 20)]);

        async Task<IEnumerable<string>> Ids(HistorySort sort, string? metric = null) =>
            (await store.QueryAsync(new HistoryQuery("a", Sort: sort, SortMetric: metric), Ct)).Items.Select(s => s.LiveId);

        (await Ids(HistorySort.StartedDesc)).ShouldBe(["new", "mid", "old"]);
        (await Ids(HistorySort.StartedAsc)).ShouldBe(["old", "mid", "new"]);
        (await Ids(HistorySort.MetricDesc, "gmv")).ShouldBe(["old", "new", "mid"]);
        (await Ids(HistorySort.MetricAsc, "gmv")).ShouldBe(["mid", "new", "old"]);
        (await Ids(HistorySort.MetricDesc, "aov")).ShouldBe(["old", "new", "mid"]);
        (await Ids(HistorySort.MetricAsc, "aov")).ShouldBe(["new", "old", "mid"]);
    }

    [Fact]
    public async Task A_date_range_includes_its_start_and_excludes_its_end()
    {
        var store = await Store();
        await SaveAll(store, Enumerable.Range(0, 5).Select(i => Live("a", "c1", $"D{i}", -i)));
        var page = await store.QueryAsync(new HistoryQuery("a", From: Day.AddDays(-3), To: Day.AddDays(-1)), Ct);
        page.Items.Select(s => s.LiveId).ShouldBe(["D2", "D3"]);
    }

    [Fact]
    public async Task A_creator_filter_and_the_agency_keep_other_rows_out()
    {
        var store = await Store();
        await SaveAll(store, [Live("a", "c1", "A1", -1), Live("a", "c2", "A2", -2), Live("b", "c3", "B1", -1)]);
        (await store.QueryAsync(new HistoryQuery("a", CreatorId: "c2"), Ct)).Items.Select(s => s.LiveId).ShouldBe(["A2"]);
        (await store.QueryAsync(new HistoryQuery("a"), Ct)).Total.ShouldBe(2);
    }

    [Fact]
    public async Task Saving_a_live_again_replaces_its_row()
    {
        var store = await Store();
        await store.SaveAsync(Live("a", "c1", "R", -1, 5), Ct);
        await store.SaveAsync(Live("a", "c1", "R", -1, 5, 7), Ct);
        var page = await store.QueryAsync(new HistoryQuery("a"), Ct);
        page.Total.ShouldBe(1);
        page.Items.Single().Counters.Gmv.ShouldBe(12m);
    }

    [Fact]
    public async Task Streaming_returns_every_row_in_order_with_exact_numbers()
    {
        var store = await Store();
        var records = Enumerable.Range(0, 30).Select(i => Live("a", "c1", $"S{i:00}", -i, 10.01m * i)).ToList();
        await SaveAll(store, records);
        var streamed = new List<LiveSummary>();
        await foreach (var row in store.StreamAsync(new HistoryQuery("a", PageSize: 1), Ct)) streamed.Add(row);
        streamed.Select(s => s.LiveId).ShouldBe(records.Select(r => r.Summary.LiveId));
        streamed.Select(s => s.Metrics["gmv"]).ShouldBe(records.Select(r => r.Summary.Metrics["gmv"]));
    }

    [Fact]
    public async Task The_dashboard_of_a_completed_live_round_trips()
    {
        var store = await Store();
        var record = Live("a", "c1", "DB", -1, 3.5m);
        await store.SaveAsync(record, Ct);
        var dashboard = (await store.GetDashboardAsync("DB", Ct))!;
        dashboard.Counters.ShouldBe(record.Dashboard.Counters);
        dashboard.Profile.Regions.Single().Key.ShouldBe("GB");
        dashboard.Trends.Count.ShouldBe(record.Dashboard.Trends.Count);
        (await store.GetDashboardAsync("unknown", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_saved_dashboard_reads_back_equal_in_every_part()
    {
        var store = await Store();
        var record = Detailed("FULL");
        var d = record.Dashboard;
        // The LIVE really has something in every part, so the comparison below compares something.
        (d.Trends.Count, d.Products.Count, d.Promotions.Count, d.Violations.Count, d.Comments.Count).ShouldBe((4, 2, 2, 2, 8));
        d.Trends.ShouldContain(t => t.Values["avg_viewers"] != null);
        (d.Card.LatestComments.Count, d.Card.PinnedProduct?.ProductId, d.Card.CreatorAvatarUrl, d.EndReason)
            .ShouldBe((5, "p1", "https://cdn.example/ada.png", LiveEndReason.Suspended));

        await store.SaveAsync(record, Ct);

        ShouldBeTheSame((await store.GetDashboardAsync("FULL", Ct))!, d);
    }

    [Fact]
    public async Task A_live_seen_part_way_reads_back_equal_too()
    {
        var store = await Store();
        var record = Detailed("PART", events: 20);
        (record.Dashboard.Card.Status, record.Dashboard.Card.Attention.Count).ShouldBe((LiveStatus.Live, 1));

        await store.SaveAsync(record, Ct);

        ShouldBeTheSame((await store.GetDashboardAsync("PART", Ct))!, record.Dashboard);
    }

    [Fact]
    public async Task Saving_a_live_again_replaces_its_details_without_leftovers_or_duplicates()
    {
        var store = await Store();
        var full = Detailed("LATE");
        var partial = Detailed("LATE", events: 20);

        await store.SaveAsync(full, Ct);
        await store.SaveAsync(partial, Ct);
        ShouldBeTheSame((await store.GetDashboardAsync("LATE", Ct))!, partial.Dashboard);

        await store.SaveAsync(full, Ct);
        await store.SaveAsync(full, Ct);
        ShouldBeTheSame((await store.GetDashboardAsync("LATE", Ct))!, full.Dashboard);
        (await store.QueryAsync(new HistoryQuery("a"), Ct)).Total.ShouldBe(1);
    }
}
