using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Grains.Tests.Support;
using Orleans.Core.Internal;

namespace LiveGrains.Grains.Tests.Cluster;

/// <summary>A LIVE acknowledges only what its event log holds, and rebuilds from its checkpoint plus the log.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DurableIngestTests(ClusterFixture fixture)
{
    private static TimeSpan Sec(double s) => TimeSpan.FromSeconds(s);

    private static (Events Ev, string LiveId) NewLive()
    {
        var liveId = Events.NewLiveId();
        return (new Events(liveId, "creator-durable", DateTimeOffset.UtcNow.AddMinutes(-10)), liveId);
    }

    [Fact]
    public async Task Events_the_log_refused_are_not_counted_and_are_accepted_on_retry()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        List<LiveEvent> first = [ev.Started(), ev.Order(Sec(30), "o1", 10.00m)];
        List<LiveEvent> second = [ev.Order(Sec(60), "o2", 5.25m), ev.Likes(Sec(70), 3)];
        await grain.Ingest(first);

        FaultyEventLog.Faults[liveId] = AppendFault.BeforeWrite;
        var failure = await Should.ThrowAsync<IngestUnavailableException>(() => grain.Ingest(second).AsTask());
        FaultyEventLog.Faults.TryRemove(liveId, out _);

        failure.Message.ShouldContain(liveId);
        var afterFailure = (await grain.GetDashboard())!.Counters;
        (afterFailure.Orders, afterFailure.Gmv, afterFailure.Likes).ShouldBe((1L, 10.00m, 0L));
        var retry = await grain.Ingest(second);
        (retry.Accepted, retry.Duplicates).ShouldBe((2, 0));
        var totals = (await grain.GetDashboard())!.Counters;
        (totals.Orders, totals.Gmv, totals.Likes).ShouldBe((2L, 15.25m, 3L));
    }

    [Fact]
    public async Task Events_logged_but_not_acknowledged_are_replayed_and_a_retry_counts_them_as_duplicates()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        await grain.Ingest([ev.Started(), ev.Order(Sec(30), "o1", 10.00m)]);
        List<LiveEvent> lostAck = [ev.Order(Sec(60), "o2", 5.25m), ev.Comment(Sec(65), "still here?"), ev.Likes(Sec(70), 3)];

        FaultyEventLog.Faults[liveId] = AppendFault.AfterWrite;
        await Should.ThrowAsync<IngestUnavailableException>(() => grain.Ingest(lostAck).AsTask());
        FaultyEventLog.Faults.TryRemove(liveId, out _);

        // The failed activation never checkpoints what it could not acknowledge: the new one finds it in the log.
        var replayed = (await grain.GetDashboard())!;
        (replayed.Counters.Orders, replayed.Counters.Gmv, replayed.Counters.Likes, replayed.Counters.Comments).ShouldBe((2L, 15.25m, 3L, 1L));
        var retry = await grain.Ingest(lostAck);
        (retry.Accepted, retry.Duplicates).ShouldBe((0, 3));
        var next = await grain.Ingest([ev.Likes(Sec(80), 1)]);
        next.Accepted.ShouldBe(1);
        (await grain.GetDashboard())!.Counters.Likes.ShouldBe(4L);
    }

    [Fact]
    public async Task Only_the_accepted_events_of_a_mixed_batch_are_logged_numbered_on_from_the_last()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        var order = ev.Order(Sec(30), "o1", 10.00m);
        await grain.Ingest([ev.Started(), order]);
        // Accepted, duplicate, rejected (in the future), accepted.
        List<LiveEvent> mixed = [ev.Likes(Sec(60), 3), order, ev.Likes(TimeSpan.FromHours(2), 100), ev.Comment(Sec(65), "hi")];

        FaultyEventLog.Faults[liveId] = AppendFault.AfterWrite;
        await Should.ThrowAsync<IngestUnavailableException>(() => grain.Ingest(mixed).AsTask());
        FaultyEventLog.Faults.TryRemove(liveId, out _);

        // The new activation holds only what the log replayed: both accepted events, as sequences 3 and 4.
        var replayed = (await grain.GetDashboard())!;
        (replayed.Counters.Orders, replayed.Counters.Likes, replayed.Counters.Comments).ShouldBe((1L, 3L, 1L));
        replayed.Card.Sequence.ShouldBe(4);
        (await grain.Ingest([ev.Likes(Sec(80), 1)])).Sequence.ShouldBe(5);
    }

    [Fact]
    public async Task A_checkpoint_lets_the_in_memory_log_forget_and_a_reactivation_still_has_every_total()
    {
        var (ev, liveId) = NewLive();
        var grain = fixture.Grains.GetGrain<ILiveSessionGrain>(liveId);
        List<LiveEvent> batch = [ev.Started(), ev.Order(Sec(30), "o1", 10.00m), ev.Likes(Sec(40), 2)];
        await grain.Ingest(batch);

        await Eventually.Get(() => Task.FromResult(FaultyEventLog.Count(liveId)), held => held == 0, "the checkpoint to trim the log");
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        var totals = (await grain.GetDashboard())!.Counters;
        (totals.Orders, totals.Gmv, totals.Likes).ShouldBe((1L, 10.00m, 2L));
        (await grain.Ingest(batch)).Duplicates.ShouldBe(3);
    }
}
