using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class IngestGrainTests(ClusterFixture fixture)
{
    private static TimeSpan Sec(double s) => TimeSpan.FromSeconds(s);

    [Fact]
    public async Task A_mixed_batch_sent_to_a_silo_in_one_call_reaches_every_LIVE_and_answers_for_each_item()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var a = new Events(Events.NewLiveId(), "creator-ingest-a", start);
        var b = new Events(Events.NewLiveId(), "creator-ingest-b", start);
        List<LiveEvent> batch = [a.Started(), b.Started(), a.Likes(Sec(10), 3), b.At(Sec(15), new LikesReceived(-1)), b.Likes(Sec(20), 4)];

        var first = await fixture.Grains.IngestThroughSiloAsync(batch);
        var again = await fixture.Grains.IngestThroughSiloAsync(batch);

        (first.Accepted, first.Duplicates).ShouldBe((4, 0));
        first.Rejected.Select(r => r.Index).ShouldBe([3]);
        first.Sequences!.OrderBy(kv => kv.Key).ShouldBe(new Dictionary<string, long> { [a.LiveId] = 2, [b.LiveId] = 2 }.OrderBy(kv => kv.Key));
        (again.Accepted, again.Duplicates, again.Rejected.Count).ShouldBe((0, 4, 1));
        (await fixture.Grains.GetGrain<ILiveSessionGrain>(a.LiveId).GetDashboard())!.Counters.Likes.ShouldBe(3);
        (await fixture.Grains.GetGrain<ILiveSessionGrain>(b.LiveId).GetDashboard())!.Counters.Likes.ShouldBe(4);
    }
}
