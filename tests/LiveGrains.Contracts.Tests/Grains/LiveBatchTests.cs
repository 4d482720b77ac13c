using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;

namespace LiveGrains.Contracts.Tests.Grains;

public sealed class LiveBatchTests
{
    private static LiveEvent Likes(string eventId, string liveId) =>
        new(eventId, liveId, "c", DateTimeOffset.UnixEpoch, new LikesReceived(1));

    [Fact]
    public void A_mixed_batch_splits_by_live_in_order_of_first_appearance_with_each_events_position()
    {
        LiveEvent[] batch = [Likes("a1", "A"), Likes("b1", "B"), Likes("a2", "A"), Likes("c1", "C"), Likes("b2", "B")];

        var parts = LiveBatch.SplitByLive(batch);

        parts.Select(p => p.LiveId).ShouldBe(["A", "B", "C"]);
        parts[0].Events.Select(e => e.EventId).ShouldBe(["a1", "a2"]);
        parts[0].Indexes.ShouldBe([0, 2]);
        parts[1].Events.Select(e => e.EventId).ShouldBe(["b1", "b2"]);
        parts[1].Indexes.ShouldBe([1, 4]);
        parts[2].Indexes.ShouldBe([3]);
    }

    [Fact]
    public void An_event_without_a_live_id_is_refused_naming_its_position()
    {
        LiveEvent[] batch = [Likes("a1", "A"), Likes("x", null!)];

        Should.Throw<ArgumentException>(() => LiveBatch.SplitByLive(batch)).Message.ShouldContain("Event 1 has no liveId");
    }
}
