using System.Globalization;
using System.Text.Json;

namespace LiveGrains.E2E.Support;

/// <summary>Event envelopes as the ingest endpoint takes them (one NDJSON line each).</summary>
public static class Events
{
    private static int _sequence;

    public static string Envelope(string liveId, string creatorId, string type, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new
        {
            eventId = $"e2e-{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}",
            liveId,
            creatorId,
            type,
            occurredAt = at.ToString("O", CultureInfo.InvariantCulture),
            data,
        });

    public static string Started(string liveId, string creatorId, DateTimeOffset at, string title, string creatorType) =>
        Envelope(liveId, creatorId, "live_started", at, new { title, creatorType });

    public static string Ended(string liveId, string creatorId, DateTimeOffset at) =>
        Envelope(liveId, creatorId, "live_ended", at, new { reason = "ended" });

    public static string Viewers(string liveId, string creatorId, DateTimeOffset at, long viewers) =>
        Envelope(liveId, creatorId, "viewer_count", at, new { viewers });

    public static string Joined(string liveId, string creatorId, DateTimeOffset at, string viewerId, string gender, string ageBand, string region, bool isFollower, string trafficSource) =>
        Envelope(liveId, creatorId, "viewer_joined", at, new { viewerId, gender, ageBand, region, isFollower, trafficSource });

    public static string Order(string liveId, string creatorId, DateTimeOffset at, string orderId, decimal amount, bool isAffiliate, string productId = "p1") =>
        Envelope(liveId, creatorId, "order_paid", at, new { orderId, productId, buyerId = $"buyer-{orderId}", quantity = 1, amount, currency = "USD", isAffiliate });

    public static string Comment(string liveId, string creatorId, DateTimeOffset at, string nickname, string text) =>
        Envelope(liveId, creatorId, "comment", at, new { viewerId = $"v-{nickname}", nickname, text });

    public static string Pinned(string liveId, string creatorId, DateTimeOffset at, string productId, string name, decimal price) =>
        Envelope(liveId, creatorId, "product_pinned", at, new { productId, name, price, currency = "USD", imageUrl = $"/demo/products/{productId}.svg" });

    public static string Violation(string liveId, string creatorId, DateTimeOffset at, string violationId, string policy, string reason) =>
        Envelope(liveId, creatorId, "violation", at, new { violationId, policy, reason, points = 2, action = "warning" });

    public static string Promotion(string liveId, string creatorId, DateTimeOffset at, string promotionId, string details) =>
        Envelope(liveId, creatorId, "promotion_started", at, new { promotionId, kind = "flash_sale", details, productId = "p1" });
}
