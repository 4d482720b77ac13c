using System.Net;
using System.Net.Http.Json;
using System.Diagnostics.Metrics;
using System.Text.Json;
using LiveGrains.Contracts.Json;
using LiveGrains.Grains.Hosting;
using LiveGrains.Web.Tests.Support;

namespace LiveGrains.Web.Tests.Apis;

[Collection(WebCollection.Name)]
public sealed class ApiTests(WebFixture app)
{
    private readonly HttpClient _http = app.ServiceClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_catalog_lists_every_metric_with_its_definition()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/api/metrics", Ct));
        var metrics = doc.RootElement.GetProperty("metrics").EnumerateArray().ToList();
        metrics.Count.ShouldBeGreaterThan(25);
        var ctr = metrics.Single(m => m.GetProperty("key").GetString() == "ctr");
        ctr.GetProperty("definition").GetString().ShouldBe("Product clicks divided by product impressions.");
        ctr.GetProperty("format").GetString().ShouldBe("percent");
        doc.RootElement.GetProperty("maxChosenMetrics").GetInt32().ShouldBe(9);
    }

    [Fact]
    public async Task The_prometheus_endpoint_exports_the_runtime_collections_and_allocations()
    {
        var exposition = await PrometheusExposition();

        exposition.ShouldContain("dotnet_gc_heap_total_allocated_bytes_total");
        exposition.ShouldContain("dotnet_gc_pause_time_seconds_total");
        exposition.ShouldContain("dotnet_gc_collections_total");
    }

    [Fact]
    public async Task Orleans_metrics_are_exported_without_its_per_message_counters()
    {
        // A grain call first, so that the silo has dispatched messages it could have counted.
        (await app.AgencyClient("a1").GetAsync("/api/agencies/a1/lives/ongoing", Ct)).EnsureSuccessStatusCode();

        var exposition = await PrometheusExposition();

        exposition.ShouldContain("orleans_catalog_activations");
        exposition.ShouldNotContain("orleans_messaging_processing_dispatcher");
        exposition.ShouldNotContain("orleans_messaging_processing_ima");
        exposition.ShouldNotContain("orleans_messaging_sent_local");
        exposition.ShouldNotContain("orleans_directory_lookups_local_issued");
        exposition.ShouldNotContain("orleans_directory_lookups_cache_issued");
    }

    // Scrapers carry no token.
    private async Task<string> PrometheusExposition()
    {
        using var anonymous = app.CreateClient();
        return await anonymous.GetStringAsync("/metrics", Ct);
    }

    [Fact]
    public void Only_orleans_instruments_recorded_per_message_are_per_message()
    {
        using var orleans = new Meter(SiloMeters.OrleansMeter);
        using var ours = new Meter("LiveGrains.Test");

        SiloMeters.IsPerMessage(orleans.CreateCounter<int>("orleans-messaging-processing-dispatcher-received")).ShouldBeTrue();
        SiloMeters.IsPerMessage(orleans.CreateHistogram<int>("orleans-messaging-sent-messages-size")).ShouldBeTrue();
        SiloMeters.IsPerMessage(orleans.CreateCounter<int>("orleans-gateway-received")).ShouldBeTrue();
        SiloMeters.IsPerMessage(orleans.CreateCounter<int>("orleans-gateway-sent")).ShouldBeTrue();
        SiloMeters.IsPerMessage(orleans.CreateCounter<int>("orleans-catalog-activation-created")).ShouldBeFalse();
        SiloMeters.IsPerMessage(ours.CreateCounter<int>("orleans-messaging-processing-dispatcher-received")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_filter_value_is_a_problem_naming_the_field_and_the_allowed_values()
    {
        var response = await app.AgencyClient("a1").GetAsync("/api/agencies/a1/lives/ongoing?status=on_fire", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        doc.RootElement.GetProperty("errors").GetProperty("status")[0].GetString().ShouldBe("'on_fire' is not one of: all, in_violation, need_attention");
    }

    [Fact]
    public async Task An_unseen_live_is_a_404_problem()
    {
        var response = await _http.GetAsync("/api/lives/0000000000000000000", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("No LIVE with id '0000000000000000000'");
    }

    [Fact]
    public async Task A_tenth_list_metric_is_refused_with_a_problem()
    {
        var prefs = await _http.GetFromJsonAsync<JsonElement>("/api/agencies/prefs-agency/preferences", Ct);
        var body = new
        {
            cardMetrics = prefs.GetProperty("cardMetrics"),
            listMetrics = new[] { "gmv", "orders", "items_sold", "aov", "views", "unique_viewers", "ctr", "duration", "likes", "shares" },
            thresholds = prefs.GetProperty("thresholds"),
        };
        var response = await _http.PutAsJsonAsync("/api/agencies/prefs-agency/preferences", body, LiveJson.Options, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("listMetrics: at most 9 metrics can be chosen (got 10)");
    }

    [Fact]
    public async Task Pinning_a_live_the_agency_does_not_have_is_a_404()
    {
        var response = await app.AgencyClient("pin-agency").PutAsync("/api/agencies/pin-agency/pins/123", null, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_history_page_size_out_of_range_is_a_problem()
    {
        var response = await _http.GetAsync("/api/agencies/a1/lives?pageSize=1000", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("pageSize must be between 1 and 200");
    }

    [Fact]
    public async Task Creator_search_answers_a_page_of_the_agencys_bound_creators_by_name()
    {
        foreach (var (id, name) in new[] { ("search-c1", "Moon Shop"), ("search-c2", "Aurora Deals"), ("search-c3", "moonlight") })
        {
            (await _http.PutAsJsonAsync($"/api/admin/creators/{id}", new { name, avatarUrl = (string?)null, creatorType = "seller" }, Ct)).EnsureSuccessStatusCode();
            (await _http.PutAsync($"/api/admin/agencies/search-agency/creators/{id}", null, Ct)).EnsureSuccessStatusCode();
        }
        (await _http.PutAsJsonAsync("/api/admin/creators/search-other", new { name = "Moon Elsewhere", avatarUrl = (string?)null, creatorType = "seller" }, Ct)).EnsureSuccessStatusCode();
        (await _http.PutAsync("/api/admin/agencies/search-elsewhere/creators/search-other", null, Ct)).EnsureSuccessStatusCode();

        var page = await app.AgencyClient("search-agency").GetFromJsonAsync<JsonElement>("/api/agencies/search-agency/creators?search=MOON&pageSize=1&page=2", Ct);

        page.GetProperty("total").GetInt64().ShouldBe(2);
        (page.GetProperty("pageNumber").GetInt32(), page.GetProperty("pageSize").GetInt32()).ShouldBe((2, 1));
        var creator = page.GetProperty("items").EnumerateArray().Single();
        (creator.GetProperty("creatorId").GetString(), creator.GetProperty("name").GetString()).ShouldBe(("search-c3", "moonlight"));
        creator.GetProperty("agencyId").GetString().ShouldBe("search-agency");
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task A_creator_search_with_bad_paging_is_a_problem_naming_the_field(string query, string field)
    {
        var response = await app.AgencyClient("a1").GetAsync($"/api/agencies/a1/creators?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        doc.RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldStartWith(field + " must be");
    }
}
