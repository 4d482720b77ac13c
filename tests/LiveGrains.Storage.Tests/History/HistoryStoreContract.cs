using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.History;
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
}
