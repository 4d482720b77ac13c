using System.Net.Http.Json;
using System.Text;
using System.Threading.Channels;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.Web.Hubs;
using LiveGrains.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static LiveGrains.Web.Tests.Support.EventJsonBuilder;

namespace LiveGrains.Web.Tests.Hubs;

[Collection(WebCollection.Name)]
public sealed class LiveHubTests(WebFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _http = app.ServiceClient();

    private async Task<HubConnection> Connect(string? token = null)
    {
        token ??= app.ServiceToken();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => LiveJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(Ct);
        return connection;
    }

    private async Task<string> AgencyWithCreator(string creatorId)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var agencyId = $"hub-agency-{Guid.NewGuid():N}";
        await grains.GetGrain<ICreatorGrain>(creatorId).SetProfile("Hub Creator", null, CreatorType.Seller);
        await grains.GetGrain<ICreatorGrain>(creatorId).BindAgency(agencyId);
        return agencyId;
    }

    private async Task Ingest(string json) =>
        (await _http.PostAsync("/api/ingest/events", new StringContent(json, Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();

    private static async Task<T> Next<T>(Channel<T> channel, Func<T, bool> match, TimeSpan within)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(within);
        while (true)
        {
            var item = await channel.Reader.ReadAsync(timeout.Token);
            if (match(item)) return item;
        }
    }

    [Fact]
    public async Task An_ingested_order_reaches_a_subscribed_agency_dashboard_within_two_seconds()
    {
        var agencyId = await AgencyWithCreator("c-web");
        var live = NewLiveId();
        await Ingest($"[{Order(live, "start", "o0", "1.00")}]");
        await using var connection = await Connect(app.AgencyToken(agencyId));
        var changes = Channel.CreateUnbounded<AgencyCardsChanged>();
        connection.On<AgencyCardsChanged>("CardsChanged", batch => changes.Writer.TryWrite(batch));
        await connection.InvokeAsync<OngoingLives>("SubscribeAgency", agencyId, Ct);

        var sent = DateTime.UtcNow;
        await Ingest($"[{Order(live, "e-hub", "o-hub", "41.00")}]");

        var batch = await Next(changes, b => b.Changed.Any(c => c.LiveId == live && c.Metrics["gmv"] == 42m), TimeSpan.FromSeconds(2));
        batch.AgencyId.ShouldBe(agencyId);
        (DateTime.UtcNow - sent).ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Subscribing_to_a_live_returns_its_snapshot_then_streams_new_comments()
    {
        var live = NewLiveId();
        await Ingest($"[{Order(live, "e1", "o1")}]");
        await using var connection = await Connect();
        var updates = Channel.CreateUnbounded<LiveDetailUpdate>();
        connection.On<LiveDetailUpdate>("LiveUpdated", u => updates.Writer.TryWrite(u));

        var snapshot = await connection.InvokeAsync<LiveDashboard?>("SubscribeLive", live, Ct);
        snapshot!.Counters.Orders.ShouldBe(1);

        var comment = $$$"""[{"eventId":"c1","liveId":"{{{live}}}","creatorId":"c-web","type":"comment","occurredAt":"{{{DateTimeOffset.UtcNow.AddSeconds(-1):O}}}","data":{"viewerId":"v9","nickname":"Kim","text":"Is it waterproof?"}}]""";
        await Ingest(comment);

        var update = await Next(updates, u => u.NewComments.Count > 0, TimeSpan.FromSeconds(2));
        update.NewComments.Single().Text.ShouldBe("Is it waterproof?");
        update.Card.Metrics["comments"].ShouldBe(1);
    }

    [Fact]
    public async Task A_reconnecting_client_gets_a_fresh_snapshot()
    {
        var agencyId = await AgencyWithCreator("c-web");
        var live = NewLiveId();
        await Ingest($"[{Order(live, "r1", "o1", "5.00")}]");
        var first = await Connect();
        (await first.InvokeAsync<OngoingLives>("SubscribeAgency", agencyId, Ct)).Cards.ShouldNotBeNull();
        await first.DisposeAsync();

        await Ingest($"[{Order(live, "r2", "o2", "7.00")}]");
        await using var second = await Connect();
        var snapshot = await Eventually(async () => await second.InvokeAsync<OngoingLives>("SubscribeAgency", agencyId, Ct),
            s => s.Cards.Any(c => c.LiveId == live && c.Metrics["gmv"] == 12m));
        snapshot.Cards.Single(c => c.LiveId == live).Metrics["gmv"].ShouldBe(12m);
    }

    [Fact]
    public async Task Stream_subscriptions_are_shared_by_watchers_and_released_by_the_last_one()
    {
        // Counted for this feed alone: connections of other tests may still be letting go of theirs.
        var subscriptions = app.Services.GetRequiredService<LiveFeedSubscriptions>();
        var feed = LiveFeedKey.Agency("shared-agency");
        var a = await Connect();
        var b = await Connect();
        await a.InvokeAsync<OngoingLives>("SubscribeAgency", "shared-agency", Ct);
        await b.InvokeAsync<OngoingLives>("SubscribeAgency", "shared-agency", Ct);
        (await subscriptions.WatchersOf(feed)).ShouldBe(2);

        await a.DisposeAsync();
        await Eventually(() => subscriptions.WatchersOf(feed), n => n == 1);
        await b.InvokeAsync("UnsubscribeAgency", "shared-agency", Ct);
        (await subscriptions.WatchersOf(feed)).ShouldBe(0);
        await b.DisposeAsync();
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> until)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (until(value) || i > 100) return value;
            await Task.Delay(50, Ct);
        }
    }
}
