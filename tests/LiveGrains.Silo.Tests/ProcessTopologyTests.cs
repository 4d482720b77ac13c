using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Channels;
using LiveGrains.Contracts.Streams;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;
using LiveGrains.Silo.Tests.Support;
using LiveGrains.Storage.Tests.Support;

namespace LiveGrains.Silo.Tests;

/// <summary>
/// The real cluster-mode topology as processes: two silo processes and a web process on a fresh Postgres database,
/// driven over HTTP with a service token, as producers and dashboards use it.
/// </summary>
public sealed class ProcessTopologyTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PostgresDatabase _db = new();
    private ProcessTopology? _topology;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        if (string.IsNullOrEmpty(PostgresDatabase.AdminConnectionString)) return;
        _topology = await ProcessTopology.StartAsync(_db.DataSource.ConnectionString!, silos: 2, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_topology is not null) await _topology.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Events_ingested_over_http_are_served_back_live_and_from_postgres_history_after_the_end()
    {
        PostgresDatabase.SkipUnlessConfigured();
        var web = _topology!.Web!;
        using var service = web.ServiceClient();
        const string agency = "agency-proc";
        const string creator = "creator-proc";
        var liveId = $"73{Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999)}";
        await Ok(service.PutAsJsonAsync($"api/admin/creators/{creator}", new { name = "Process Creator", avatarUrl = (string?)null, creatorType = "seller" }, Ct));
        await Ok(service.PutAsync($"api/admin/agencies/{agency}/creators/{creator}", null, Ct));

        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var ingest = await Ingest(service,
            Envelope("s", liveId, creator, start, "live_started", """{"title":"Process show","creatorType":"seller"}"""),
            Envelope("o1", liveId, creator, start.AddMinutes(2), "order_paid", """{"orderId":"o1","productId":"p1","buyerId":"b1","quantity":2,"amount":25.50,"currency":"USD","isAffiliate":true}"""),
            Envelope("o2", liveId, creator, start.AddMinutes(3), "order_paid", """{"orderId":"o2","productId":"p1","buyerId":"b2","quantity":1,"amount":4.50,"currency":"USD","isAffiliate":false}"""),
            Envelope("l", liveId, creator, start.AddMinutes(4), "likes", """{"count":11}"""));
        (ingest.Accepted, ingest.Duplicates, ingest.Rejected.Count).ShouldBe((4, 0, 0), _topology.Output());

        using var staff = web.AgencyClient(agency);
        var live = (await staff.GetFromJsonAsync<LiveDashboard>($"api/lives/{liveId}", LiveJson.Options, Ct))!;
        (live.Counters.Gmv, live.Counters.Orders, live.Counters.Likes).ShouldBe((30.00m, 2L, 11L));
        live.Card.AgencyId.ShouldBe(agency);

        // The same batch again is recognised, whichever silo the web process reaches.
        (await Ingest(service, Envelope("l", liveId, creator, start.AddMinutes(4), "likes", """{"count":11}"""))).Duplicates.ShouldBe(1);

        (await Ingest(service, Envelope("e", liveId, creator, start.AddMinutes(20), "live_ended", """{"reason":"ended"}"""))).Accepted.ShouldBe(1);
        Page<LiveSummary>? page = null;
        for (var i = 0; i < 150; i++)
        {
            page = await staff.GetFromJsonAsync<Page<LiveSummary>>($"api/agencies/{agency}/lives", LiveJson.Options, Ct);
            if (page!.Total > 0) break;
            await Task.Delay(100, Ct);
        }
        var summary = page!.Items.ShouldHaveSingleItem();
        (summary.LiveId, summary.Counters.Gmv).ShouldBe((liveId, 30.00m));
        await using var rows = _db.DataSource.CreateCommand("SELECT count(*) FROM live_history");
        ((long)(await rows.ExecuteScalarAsync(Ct))!).ShouldBe(1);
    }

    [Fact]
    public async Task Both_silo_processes_are_active_members_and_the_web_process_is_ready()
    {
        PostgresDatabase.SkipUnlessConfigured();
        await using var rows = _db.DataSource.CreateCommand("SELECT count(*) FROM orleans_membership WHERE status = 3");
        ((long)(await rows.ExecuteScalarAsync(Ct))!).ShouldBe(2);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var port in _topology!.Silos.Select(s => s.HealthPort).Append(_topology.Web!.Port))
        {
            (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        // The silos hold the grains: their Orleans and runtime numbers are scraped from them.
        foreach (var silo in _topology.Silos)
        {
            var exposition = await http.GetStringAsync(new Uri($"http://127.0.0.1:{silo.HealthPort}/metrics"), Ct);
            exposition.ShouldContain("orleans_catalog_activations");
            exposition.ShouldContain("dotnet_gc_collections_total");
            exposition.ShouldNotContain("orleans_messaging_processing_dispatcher");
        }
        // Probes are anonymous, the API is not.
        (await http.GetAsync(new Uri(_topology.Web.BaseAddress, "api/metrics"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_second_web_process_hears_the_cluster_directly_and_pushes_to_its_own_dashboards()
    {
        PostgresDatabase.SkipUnlessConfigured();
        var web = _topology!.Web!;
        await using var second = await WebProcess.StartAsync("web-2", _topology.Environment, _topology.SigningKey, ProcessTopology.ReadyTimeout, Ct);
        using var service = web.ServiceClient();
        const string agency = "agency-two-webs";
        const string creator = "creator-two-webs";
        var liveId = $"73{Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999)}";
        await Ok(service.PutAsJsonAsync($"api/admin/creators/{creator}", new { name = "Two Webs", avatarUrl = (string?)null, creatorType = "affiliate" }, Ct));
        await Ok(service.PutAsync($"api/admin/agencies/{agency}/creators/{creator}", null, Ct));
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await Ingest(service, Envelope("s", liveId, creator, start, "live_started", """{"title":"Two webs","creatorType":"affiliate"}"""));

        // A dashboard on each web process; events go in through the first one only.
        var changes = Channel.CreateUnbounded<(string Web, AgencyCardsChanged Batch)>();
        await using var onFirst = await Dashboard(web, agency, changes);
        await using var onSecond = await Dashboard(second, agency, changes);
        await Ingest(service, Envelope("o", liveId, creator, start.AddMinutes(1), "order_paid",
            """{"orderId":"o1","productId":"p1","buyerId":"b1","quantity":1,"amount":77.70,"currency":"USD","isAffiliate":true}"""));

        var heard = new HashSet<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (heard.Count < 2)
        {
            var (from, batch) = await changes.Reader.ReadAsync(timeout.Token);
            if (batch.Changed.Any(c => c.LiveId == liveId && c.Metrics["gmv"] == 77.70m)) heard.Add(from);
        }
        heard.ShouldBe(["web", "web-2"], ignoreOrder: true);
    }

    private static async Task<HubConnection> Dashboard(WebProcess web, string agencyId, Channel<(string, AgencyCardsChanged)> changes)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.BaseAddress, "hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(web.AgencyToken(agencyId)))
            .AddJsonProtocol(o => LiveJson.Configure(o.PayloadSerializerOptions))
            .Build();
        connection.On<AgencyCardsChanged>("CardsChanged", batch => changes.Writer.TryWrite((web.Process.Name, batch)));
        await connection.StartAsync(Ct);
        await connection.InvokeAsync<OngoingLives>("SubscribeAgency", agencyId, Ct);
        return connection;
    }

    private static string Envelope(string eventId, string liveId, string creatorId, DateTimeOffset at, string type, string data) =>
        $$"""{"eventId":"{{eventId}}","liveId":"{{liveId}}","creatorId":"{{creatorId}}","type":"{{type}}","occurredAt":"{{at.UtcDateTime:O}}","data":{{data}}}""";

    private static async Task<IngestResult> Ingest(HttpClient service, params string[] envelopes)
    {
        using var body = new StringContent($"[{string.Join(',', envelopes)}]", Encoding.UTF8, "application/json");
        using var response = await service.PostAsync("api/ingest/events", body, Ct);
        await Ok(Task.FromResult(response));
        return (await response.Content.ReadFromJsonAsync<IngestResult>(LiveJson.Options, Ct))!;
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }
}
