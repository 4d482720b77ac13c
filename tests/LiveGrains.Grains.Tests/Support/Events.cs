using LiveGrains.Contracts.Events;

namespace LiveGrains.Grains.Tests.Support;

/// <summary>Builds events for one LIVE with unique ids, so tests read as the story they tell.</summary>
internal sealed class Events(string liveId, string creatorId, DateTimeOffset start)
{
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..6];
    private int _next;

    public string LiveId => liveId;

    /// <summary>A LIVE id no other test uses (19 digits, like the platform's).</summary>
    public static string NewLiveId() => $"73{Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999)}"[..19];
    public DateTimeOffset Start => start;

    public LiveEvent At(TimeSpan offset, LiveEventData data) => new($"{liveId}-{_prefix}-{++_next}", liveId, creatorId, start + offset, data);

    public LiveEvent Started(string title = "Autumn sale", CreatorType type = CreatorType.Affiliate) => At(TimeSpan.Zero, new LiveStarted(title, type));

    public LiveEvent Order(TimeSpan offset, string orderId, decimal amount, bool affiliate = false, int quantity = 1, string buyer = "b1") =>
        At(offset, new OrderPaid(orderId, "p1", buyer, quantity, amount, "USD", affiliate));

    public LiveEvent Viewers(TimeSpan offset, long count) => At(offset, new ViewerCountSampled(count));

    public LiveEvent Joined(TimeSpan offset, string viewer) =>
        At(offset, new ViewerJoined(viewer, Gender.Female, AgeBand.Age25To34, "US", false, TrafficSource.ForYou));

    public LiveEvent Comment(TimeSpan offset, string text) => At(offset, new CommentPosted("v1", "Ann", text));

    public LiveEvent Likes(TimeSpan offset, long count) => At(offset, new LikesReceived(count));

    public LiveEvent Ended(TimeSpan offset, LiveEndReason reason = LiveEndReason.Ended) => At(offset, new LiveEnded(reason));

    public LiveEvent Violation(TimeSpan offset, string id, ViolationAction action) =>
        At(offset, new ViolationRecorded(id, "Prohibited products", "Showing a restricted item", 4, action));
}
