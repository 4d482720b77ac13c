using System.Threading.Channels;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.Web.Hubs;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveGrains.Web.Tests.Hubs;

public sealed class AgencyFeedForwarderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow;

    private static LiveCard Card(string liveId, double atSeconds) =>
        new(liveId, "c-" + liveId, "Creator", null, CreatorType.Seller, "a1", "Title", LiveStatus.Live, T0, null, "USD",
            new Dictionary<string, decimal?>(), [], null, [], [], T0.AddSeconds(atSeconds), false);

    private static AgencyCardsChanged Batch(double atSeconds, LiveCard[] changed, string[]? ended = null) =>
        new("a1", changed, ended ?? [], T0.AddSeconds(atSeconds));

    /// <summary>A forwarder whose sends wait until the test releases them, one by one.</summary>
    private sealed class SlowGroup
    {
        public Channel<(AgencyCardsChanged Batch, DateTimeOffset Oldest)> Sent { get; } = Channel.CreateUnbounded<(AgencyCardsChanged, DateTimeOffset)>();
        public SemaphoreSlim Release { get; } = new(0);
        public AgencyFeedForwarder Forwarder { get; }

        public SlowGroup() => Forwarder = new AgencyFeedForwarder("a1", async (batch, oldest) =>
        {
            await Sent.Writer.WriteAsync((batch, oldest));
            await Release.WaitAsync();
        }, NullLogger.Instance);
    }

    [Fact]
    public async Task Batches_arriving_during_a_send_go_out_merged_in_one_message()
    {
        var group = new SlowGroup();
        await group.Forwarder.Post(Batch(1, [Card("L1", 0.9)]));
        var first = await group.Sent.Reader.ReadAsync(Ct);

        await group.Forwarder.Post(Batch(2, [Card("L1", 1.9), Card("L2", 1.8)]));
        await group.Forwarder.Post(Batch(3, [Card("L1", 2.9)], ended: ["L2", "L3"]));
        group.Release.Release();
        var second = await group.Sent.Reader.ReadAsync(Ct);

        first.Batch.Changed.Select(c => c.LiveId).ShouldBe(["L1"]);
        second.Batch.Changed.Select(c => (c.LiveId, c.UpdatedAt)).ShouldBe([("L1", T0.AddSeconds(2.9))]);
        second.Batch.Ended.Order().ShouldBe(["L2", "L3"]);
        // Published at the latest batch; the wait is measured from the oldest.
        (second.Batch.At, second.Oldest).ShouldBe((T0.AddSeconds(3), T0.AddSeconds(2)));
        group.Release.Release();
    }

    [Fact]
    public async Task A_live_that_ends_and_comes_back_while_a_send_is_in_flight_goes_out_as_a_card()
    {
        var group = new SlowGroup();
        await group.Forwarder.Post(Batch(1, [Card("L9", 0.5)]));
        await group.Sent.Reader.ReadAsync(Ct);

        await group.Forwarder.Post(Batch(2, [], ended: ["L1"]));
        await group.Forwarder.Post(Batch(3, [Card("L1", 2.5)]));
        group.Release.Release();
        var second = await group.Sent.Reader.ReadAsync(Ct);

        second.Batch.Changed.Select(c => c.LiveId).ShouldBe(["L1"]);
        second.Batch.Ended.ShouldBeEmpty();
        group.Release.Release();
    }

    [Fact]
    public async Task A_failed_send_is_logged_and_the_next_batch_still_goes_out()
    {
        var sent = Channel.CreateUnbounded<AgencyCardsChanged>();
        var calls = 0;
        var forwarder = new AgencyFeedForwarder("a1", async (batch, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new IOException("connection reset");
            await sent.Writer.WriteAsync(batch);
        }, NullLogger.Instance);

        await forwarder.Post(Batch(1, [Card("L1", 0.5)]));
        while (Volatile.Read(ref calls) == 0) await Task.Delay(10, Ct);
        await forwarder.Post(Batch(2, [Card("L2", 1.5)]));

        (await sent.Reader.ReadAsync(Ct)).Changed.Select(c => c.LiveId).ShouldBe(["L2"]);
    }
}
