namespace LiveGrains.Web.Tests.Support;

/// <summary>Raw JSON envelopes, written by hand so tests see exactly what a producer sends.</summary>
internal static class EventJsonBuilder
{
    public static string Order(string liveId, string eventId, string orderId, string amount = "10.50", int quantity = 1, string? occurredAt = null) =>
        $$$"""{"eventId":"{{{eventId}}}","liveId":"{{{liveId}}}","creatorId":"c-web","type":"order_paid","occurredAt":"{{{occurredAt ?? DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O")}}}","data":{"orderId":"{{{orderId}}}","productId":"p1","buyerId":"b1","quantity":{{{quantity}}},"amount":{{{amount}}},"currency":"USD","isAffiliate":false}}""";

    public static string Likes(string liveId, string eventId, int count = 3) =>
        $$$"""{"eventId":"{{{eventId}}}","liveId":"{{{liveId}}}","creatorId":"c-web","type":"likes","occurredAt":"{{{DateTimeOffset.UtcNow.AddMinutes(-1):O}}}","data":{"count":{{{count}}}}}""";

    public static string NewLiveId() => $"71{Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999)}";
}
