using System.Net;
using System.Text;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrains.Web.Tests.Apis;

/// <summary>
/// Every route of the app, found by enumerating its endpoints, is checked: no token → 401, another agency's
/// token → 403, service-only routes refuse agency tokens. A new route that is not classified here fails the
/// first test, so it cannot go untested.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class IsolationTests(WebFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Routes anyone may call: probes, docs, the development sign-in and the dashboard's files.</summary>
    private static readonly string[] Anonymous =
        ["/healthz", "/readyz", "/metrics", "/openapi/{documentName}.json", "/api/dev/agencies", "/api/dev/sign-in", "/api/dev/sign-out", "{*path:nonfile}"];

    private static bool IsAnonymous(string pattern) => Anonymous.Contains(pattern) || pattern.StartsWith("/api/docs", StringComparison.Ordinal);

    /// <summary>Routes only internal services may call.</summary>
    private static readonly string[] ServiceOnly =
        ["/api/ingest/events", "/api/admin/agencies/{agencyId}", "/api/admin/creators/{creatorId}", "/api/admin/agencies/{agencyId}/creators/{creatorId}"];

    /// <summary>Routes any signed-in caller may call.</summary>
    private static readonly string[] AnyToken = ["/api/metrics", "/hubs/live", "/hubs/live/negotiate"];

    private List<(string Method, string Pattern)> Routes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, Normalise(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();

    private static string Normalise(string pattern) =>
        pattern.StartsWith("{*", StringComparison.Ordinal) ? pattern : "/" + pattern.Trim('/');

    private static bool IsAgencyScoped(string pattern) => pattern.StartsWith("/api/agencies/{agencyId}", StringComparison.Ordinal);

    [Fact]
    public void Every_route_is_classified_for_access()
    {
        var unclassified = Routes().Select(r => r.Pattern).Distinct()
            .Where(p => !IsAnonymous(p) && !ServiceOnly.Contains(p) && !AnyToken.Contains(p) && !IsAgencyScoped(p) && p != "/api/lives/{liveId}")
            .ToList();
        unclassified.ShouldBeEmpty("classify these routes in IsolationTests and test their access");
        Routes().Count(r => IsAgencyScoped(r.Pattern)).ShouldBeGreaterThan(8);
    }

    [Fact]
    public async Task Every_protected_route_refuses_a_caller_without_a_token_with_401()
    {
        var client = app.CreateClient();
        foreach (var (method, pattern) in Routes().Where(r => !IsAnonymous(r.Pattern)))
        {
            var response = await client.SendAsync(Request(method, pattern, "agency-b", "creator-b", "live-b"), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {pattern}");
        }
    }

    [Fact]
    public async Task Every_agency_route_refuses_another_agencys_token_with_403_and_admits_its_own()
    {
        var (agencyB, creatorB, liveB) = await AgencyWithLive();
        var intruder = app.AgencyClient("agency-a");
        var owner = app.AgencyClient(agencyB);
        foreach (var (method, pattern) in Routes().Where(r => IsAgencyScoped(r.Pattern) || r.Pattern == "/api/lives/{liveId}"))
        {
            var refused = await intruder.SendAsync(Request(method, pattern, agencyB, creatorB, liveB), Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {pattern}");
            var admitted = await owner.SendAsync(Request(method, pattern, agencyB, creatorB, liveB), Ct);
            admitted.StatusCode.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], $"{method} {pattern}");
        }
    }

    [Fact]
    public async Task Service_routes_refuse_agency_tokens_with_403_and_admit_service_tokens()
    {
        var (agencyB, creatorB, liveB) = await AgencyWithLive();
        foreach (var (method, pattern) in Routes().Where(r => ServiceOnly.Contains(r.Pattern)))
        {
            (await app.AgencyClient(agencyB).SendAsync(Request(method, pattern, agencyB, creatorB, liveB), Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {pattern}");
            (await app.ServiceClient().SendAsync(Request(method, pattern, agencyB, creatorB, liveB), Ct))
                .StatusCode.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], $"{method} {pattern}");
        }
    }

    [Fact]
    public async Task The_hub_refuses_negotiation_without_a_token_and_subscriptions_to_another_agency()
    {
        (await app.CreateClient().PostAsync("/hubs/live/negotiate?negotiateVersion=1", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (agencyB, _, liveB) = await AgencyWithLive();
        await using var intruder = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(app.AgencyToken("agency-a"));
            })
            .Build();
        await intruder.StartAsync(Ct);
        (await Should.ThrowAsync<HubException>(() => intruder.InvokeAsync<object>("SubscribeAgency", agencyB, Ct))).Message.ShouldContain("cannot reach agency");
        (await Should.ThrowAsync<HubException>(() => intruder.InvokeAsync<object>("SubscribeLive", liveB, Ct))).Message.ShouldContain("belongs to another agency");
    }

    private async Task<(string Agency, string Creator, string Live)> AgencyWithLive()
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var agency = $"iso-{Guid.NewGuid():N}";
        var creator = $"iso-creator-{Guid.NewGuid():N}";
        await grains.GetGrain<ICreatorGrain>(creator).BindAgency(agency);
        var live = EventJsonBuilder.NewLiveId();
        await grains.IngestAsync([new LiveEvent("s1", live, creator, DateTimeOffset.UtcNow.AddMinutes(-1), new LiveStarted("Iso", CreatorType.Seller))]);
        var ongoing = grains.GetGrain<IAgencyGrain>(agency);
        for (var i = 0; i < 100 && (await ongoing.GetOngoing(Contracts.Views.OngoingQuery.Default)).Cards.Count == 0; i++) await Task.Delay(50, Ct);
        return (agency, creator, live);
    }

    private static HttpRequestMessage Request(string method, string pattern, string agency, string creator, string live)
    {
        var path = pattern.Replace("{agencyId}", agency).Replace("{creatorId}", creator).Replace("{liveId}", live);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "POST")
        {
            var body = pattern switch
            {
                "/api/ingest/events" => $$$"""[{"eventId":"iso-like","liveId":"{{{live}}}","creatorId":"{{{creator}}}","type":"likes","occurredAt":"{{{DateTimeOffset.UtcNow.AddSeconds(-5):O}}}","data":{"count":1}}]""",
                "/api/agencies/{agencyId}/preferences" => """{"cardMetrics":["gmv"],"listMetrics":["gmv"],"thresholds":{"viewerDropPercent":50,"viewerDropMinPeak":20,"viewerDropWindowMinutes":10,"noOrderMinutes":10,"engagementDropPercent":60,"engagementWindowMinutes":3,"engagementBaselineMinutes":10,"engagementMinBaselinePerMinute":5}}""",
                "/api/admin/agencies/{agencyId}" => """{"name":"Renamed"}""",
                "/api/admin/creators/{creatorId}" => """{"name":"Renamed","avatarUrl":null,"creatorType":"seller"}""",
                _ => "{}",
            };
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return request;
    }
}
