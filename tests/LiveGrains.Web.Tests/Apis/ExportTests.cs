using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CsvHelper;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;
using LiveGrains.Web.Export;
using LiveGrains.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace LiveGrains.Web.Tests.Apis;

[Collection(WebCollection.Name)]
public sealed class ExportTests(WebFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _http = app.ServiceClient();

    /// <summary>An agency with one creator and two completed LIVEs in history.</summary>
    private async Task<(string AgencyId, string CreatorId)> AgencyWithHistory()
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var agencyId = $"export-{Guid.NewGuid():N}";
        var creatorId = $"creator-{Guid.NewGuid():N}";
        await grains.GetGrain<ICreatorGrain>(creatorId).SetProfile("Export, \"the\" Creator", null, CreatorType.Affiliate);
        await grains.GetGrain<ICreatorGrain>(creatorId).BindAgency(agencyId);
        for (var n = 0; n < 2; n++)
        {
            var live = EventJsonBuilder.NewLiveId();
            var start = DateTimeOffset.UtcNow.AddHours(-3 + n);
            LiveEvent E(int i, TimeSpan at, LiveEventData data) => new($"x{i}", live, creatorId, start + at, data);
            await grains.IngestAsync([
                E(1, TimeSpan.Zero, new LiveStarted("Export test", CreatorType.Affiliate)),
                E(2, TimeSpan.FromMinutes(1), new ViewerJoined("v1", Gender.Female, AgeBand.Age25To34, "US", true, TrafficSource.ForYou)),
                E(3, TimeSpan.FromMinutes(2), new ProductImpressions("p1", 30)),
                E(4, TimeSpan.FromMinutes(2), new ProductClicks("p1", 7)),
                E(5, TimeSpan.FromMinutes(3), new OrderPaid("o1", "p1", "b1", 2, 33.33m + n, "USD", true)),
                E(6, TimeSpan.FromMinutes(20 + n), new LiveEnded(LiveEndReason.Ended)),
            ]);
        }
        var history = app.Services.GetRequiredService<ILiveHistoryStore>();
        for (var i = 0; i < 100 && (await history.QueryAsync(new HistoryQuery(agencyId), Ct)).Total < 2; i++) await Task.Delay(50, Ct);
        return (agencyId, creatorId);
    }

    private async Task<List<LiveSummary>> Listed(string agencyId) =>
        (await _http.GetFromJsonAsync<Page<LiveSummary>>($"/api/agencies/{agencyId}/lives", LiveJson.Options, Ct))!.Items.ToList();

    [Fact]
    public async Task Exported_csv_parsed_back_equals_the_api_numbers_for_the_chosen_metrics()
    {
        var (agencyId, _) = await AgencyWithHistory();
        var listed = await Listed(agencyId);
        listed.Count.ShouldBe(2);
        var chosen = MetricCatalog.DefaultListMetrics.Select(k => MetricCatalog.Find(k)!).ToList();

        var response = await _http.GetAsync($"/api/agencies/{agencyId}/lives/export?format=csv", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldEndWith(".csv");
        using var reader = new StringReader(await response.Content.ReadAsStringAsync(Ct));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        rows.Count.ShouldBe(2);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i]["LIVE ID"].ShouldBe(listed[i].LiveId);
            rows[i]["Creator"].ShouldBe("Export, \"the\" Creator");
            foreach (var metric in chosen)
            {
                var text = (string)rows[i][ExportColumns.Header(metric)];
                var expected = listed[i].Metrics[metric.Key];
                (text.Length == 0 ? (decimal?)null : decimal.Parse(text, CultureInfo.InvariantCulture)).ShouldBe(expected, metric.Key);
            }
        }
    }

    [Fact]
    public async Task Exported_xlsx_parsed_back_equals_the_api_numbers_for_the_chosen_metrics()
    {
        var (agencyId, creatorId) = await AgencyWithHistory();
        var prefs = await _http.GetFromJsonAsync<AgencyPreferences>($"/api/agencies/{agencyId}/preferences", LiveJson.Options, Ct);
        var chosenKeys = new[] { "gmv", "affiliate_gmv", "ctr", "items_sold", "duration" };
        (await _http.PutAsJsonAsync($"/api/agencies/{agencyId}/preferences", prefs! with { ListMetrics = chosenKeys }, LiveJson.Options, Ct)).EnsureSuccessStatusCode();
        var listed = await Listed(agencyId);

        var bytes = await _http.GetByteArrayAsync($"/api/agencies/{agencyId}/lives/export?format=xlsx&creatorId={creatorId}", Ct);
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        rows.Count.ShouldBe(2);
        rows[0].Keys.Skip(8).ShouldBe(chosenKeys.Select(k => ExportColumns.Header(MetricCatalog.Find(k)!)));
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i]["LIVE ID"].ShouldBe(listed[i].LiveId);
            foreach (var key in chosenKeys)
            {
                Convert.ToDecimal(rows[i][ExportColumns.Header(MetricCatalog.Find(key)!)], CultureInfo.InvariantCulture)
                    .ShouldBe(listed[i].Metrics[key]!.Value, key);
            }
        }
        listed[0].Metrics["ctr"].ShouldBe(0.2333m);
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_problem_naming_the_allowed_ones()
    {
        var response = await _http.GetAsync("/api/agencies/a1/lives/export?format=pdf", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("'pdf' is not one of: csv, xlsx");
    }

    [Fact]
    public async Task An_agency_without_history_exports_only_the_header()
    {
        var csv = await _http.GetStringAsync("/api/agencies/empty-agency/lives/export", Ct);
        csv.Trim().Split('\n').Length.ShouldBe(1);
        csv.ShouldStartWith("LIVE ID,Creator,");
        Encoding.UTF8.GetByteCount(csv).ShouldBeGreaterThan(10);
    }
}
