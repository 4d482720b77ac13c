using System.Net.Http.Json;

namespace LiveGrains.E2E.Support;

/// <summary>
/// The agencies, creators and LIVEs the browser tests look at, made through the public admin and ingest routes.
/// Each feature that changes agency state (pins, preferences) gets its own agency, so tests do not see each other.
/// </summary>
public static class World
{
    public const string Main = "e2e-main";
    public const string Pins = "e2e-pins";
    public const string Metrics = "e2e-metrics";
    public const string NoCreators = "e2e-no-creators";
    public const string Idle = "e2e-idle";
    public const string Reconnect = "e2e-reconnect";

    public const string AnaLive = "7200000000000000001";
    public const string BenLive = "7200000000000000002";
    public const string CaraLive = "7200000000000000003";
    public const string DanPastLive = "7200000000000000004";
    public const string AnaPastLive = "7200000000000000005";
    public const string MetricsLive = "7200000000000000006";
    public const string ReconnectLive = "7200000000000000007";

    public static readonly string[] PinLives = ["7200000000000000011", "7200000000000000012", "7200000000000000013", "7200000000000000014"];

    public const string ViolationReason = "Showing a restricted product on camera";

    public static async Task Seed(DashboardHost host)
    {
        using var client = host.ServiceClient();
        var now = DateTimeOffset.UtcNow;

        await Agency(client, Main, "Main Street Agency");
        await Creator(client, Main, "c-ana", "Ana Seller", "seller");
        await Creator(client, Main, "c-ben", "Ben Affiliate", "affiliate");
        await Creator(client, Main, "c-cara", "Cara Violet", "affiliate");
        await Creator(client, Main, "c-dan", "Dan History", "seller");

        var events = new List<string>();
        var anaStart = now.AddMinutes(-6);
        events.Add(Events.Started(AnaLive, "c-ana", anaStart, "Spring kitchen sale", "seller"));
        events.Add(Events.Pinned(AnaLive, "c-ana", anaStart.AddSeconds(20), "p1", "Ceramic mug", 12.50m));
        events.Add(Events.Promotion(AnaLive, "c-ana", anaStart.AddSeconds(30), "promo-1", "20% off all mugs"));
        string[] genders = ["female", "male", "female", "unknown"];
        string[] ages = ["18-24", "25-34", "35-44", "25-34"];
        string[] regions = ["US", "GB", "US", "DE"];
        string[] sources = ["for_you", "following", "search", "short_video"];
        for (var minute = 0; minute < 5; minute++)
        {
            var at = anaStart.AddMinutes(minute).AddSeconds(40);
            events.Add(Events.Viewers(AnaLive, "c-ana", at, 80 + (minute * 10)));
            for (var v = 0; v < 4; v++)
            {
                events.Add(Events.Joined(AnaLive, "c-ana", at.AddSeconds(v), $"viewer-{minute}-{v}", genders[v], ages[v], regions[v], v % 2 == 0, sources[v]));
            }
            events.Add(Events.Order(AnaLive, "c-ana", at.AddSeconds(5), $"ana-o{minute}", 10m, isAffiliate: false));
            events.Add(Events.Comment(AnaLive, "c-ana", at.AddSeconds(6), $"fan{minute}", $"Love this mug #{minute}"));
        }

        var benStart = now.AddMinutes(-3);
        events.Add(Events.Started(BenLive, "c-ben", benStart, "Gadget hour", "affiliate"));
        events.Add(Events.Order(BenLive, "c-ben", benStart.AddMinutes(1), "ben-o1", 300m, isAffiliate: true));
        events.Add(Events.Viewers(BenLive, "c-ben", benStart.AddMinutes(1), 40));

        var caraStart = now.AddMinutes(-9);
        events.Add(Events.Started(CaraLive, "c-cara", caraStart, "Beauty picks", "affiliate"));
        events.Add(Events.Order(CaraLive, "c-cara", caraStart.AddMinutes(1), "cara-o1", 90m, isAffiliate: true));
        events.Add(Events.Violation(CaraLive, "c-cara", caraStart.AddMinutes(2), "viol-1", "Restricted products", ViolationReason));

        var danStart = now.AddDays(-1);
        events.Add(Events.Started(DanPastLive, "c-dan", danStart, "Yesterday's tool demo", "seller"));
        events.Add(Events.Order(DanPastLive, "c-dan", danStart.AddMinutes(5), "dan-o1", 420m, isAffiliate: false));
        events.Add(Events.Ended(DanPastLive, "c-dan", danStart.AddMinutes(45)));

        var anaPastStart = now.AddDays(-2);
        events.Add(Events.Started(AnaPastLive, "c-ana", anaPastStart, "Ana's first LIVE", "seller"));
        events.Add(Events.Order(AnaPastLive, "c-ana", anaPastStart.AddMinutes(3), "anapast-o1", 55m, isAffiliate: false));
        events.Add(Events.Ended(AnaPastLive, "c-ana", anaPastStart.AddMinutes(30)));
        await host.Ingest(client, events);

        await Agency(client, Pins, "Pin Test Agency");
        events.Clear();
        for (var i = 0; i < PinLives.Length; i++)
        {
            var creator = $"c-pin-{i}";
            await Creator(client, Pins, creator, $"Pin Creator {i}", "seller");
            events.Add(Events.Started(PinLives[i], creator, now.AddMinutes(-10 + i), $"Pin LIVE {i}", "seller"));
        }
        await host.Ingest(client, events);

        await Agency(client, Metrics, "Metrics Agency");
        await Creator(client, Metrics, "c-met", "Mel Metrics", "seller");
        await host.Ingest(client, [
            Events.Started(MetricsLive, "c-met", now.AddMinutes(-4), "Metric picker LIVE", "seller"),
            Events.Order(MetricsLive, "c-met", now.AddMinutes(-3), "met-o1", 20m, isAffiliate: false),
        ]);

        await Agency(client, Reconnect, "Reconnect Agency");
        await Creator(client, Reconnect, "c-rec", "Rae Reconnect", "seller");
        await host.Ingest(client, [
            Events.Started(ReconnectLive, "c-rec", now.AddMinutes(-2), "Feed reconnection LIVE", "seller"),
            Events.Order(ReconnectLive, "c-rec", now.AddMinutes(-1), "rec-o1", 20m, isAffiliate: false),
        ]);

        await Agency(client, NoCreators, "Brand New Agency");
        await Agency(client, Idle, "Quiet Agency");
        await Creator(client, Idle, "c-idle", "Ivy Idle", "seller");

        await WaitForCards(host, Main, 3);
        await WaitForCards(host, Pins, 4);
        await WaitForCards(host, Metrics, 1);
        await WaitForCards(host, Reconnect, 1);
    }

    private static async Task Agency(HttpClient client, string agencyId, string name) =>
        (await client.PutAsJsonAsync(new Uri($"/api/admin/agencies/{agencyId}", UriKind.Relative), new { name })).EnsureSuccessStatusCode();

    private static async Task Creator(HttpClient client, string agencyId, string creatorId, string name, string creatorType)
    {
        (await client.PutAsJsonAsync(new Uri($"/api/admin/creators/{creatorId}", UriKind.Relative), new { name, avatarUrl = (string?)null, creatorType })).EnsureSuccessStatusCode();
        (await client.PutAsync(new Uri($"/api/admin/agencies/{agencyId}/creators/{creatorId}", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    /// <summary>Cards reach the agency on the LIVE's next tick; tests start once they are all there.</summary>
    private static async Task WaitForCards(DashboardHost host, string agencyId, int count)
    {
        using var client = host.ServiceClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var page = await client.GetFromJsonAsync<OngoingProbe>(new Uri($"/api/agencies/{agencyId}/lives/ongoing", UriKind.Relative));
            if (page?.TotalOngoing >= count) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{agencyId} did not show {count} ongoing LIVEs");
    }

    private sealed record OngoingProbe(int TotalOngoing);
}
