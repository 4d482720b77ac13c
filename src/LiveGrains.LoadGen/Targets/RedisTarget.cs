using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;
using StackExchange.Redis;

namespace LiveGrains.LoadGen.Targets;

/// <summary>
/// The Redis baseline: real-time counters the way a team would build them without LiveGrains. Per event one pipelined
/// HINCRBY of its LIVE's counter hash (plus GMV cents for orders) and PFADD for viewers and buyers; one round trip
/// per request. It keeps no dedupe set and no per-minute buckets, comments, products or attention rules, so it does
/// less work than the rollup: a lower bound on what a Redis design costs.
/// </summary>
public sealed class RedisTarget(ConnectionMultiplexer redis) : ITarget
{
    private readonly IDatabase _db = redis.GetDatabase();

    /// <inheritdoc />
    public string Name => "redis";

    /// <inheritdoc />
    public async Task PrepareAsync(Workload workload, CancellationToken cancellationToken)
    {
        foreach (var endpoint in redis.GetEndPoints()) await redis.GetServer(endpoint).FlushDatabaseAsync();
    }

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(LiveEvent[] batch, CancellationToken cancellationToken)
    {
        var pipeline = _db.CreateBatch();
        var pending = new List<Task>(batch.Length * 2);
        foreach (var e in batch)
        {
            var key = (RedisKey)("live:" + e.LiveId);
            pending.Add(pipeline.HashIncrementAsync(key, e.Type, Increment(e.Data)));
            switch (e.Data)
            {
                case ViewerJoined j:
                    pending.Add(pipeline.HyperLogLogAddAsync("uv:" + e.LiveId, j.ViewerId));
                    break;
                case OrderPaid o:
                    pending.Add(pipeline.HashIncrementAsync(key, "gmv_cents", LiveTotals.Cents(o.Amount)));
                    pending.Add(pipeline.HyperLogLogAddAsync("ub:" + e.LiveId, o.BuyerId));
                    break;
            }
        }
        pipeline.Execute();
        await Task.WhenAll(pending);
        return new SendOutcome(batch.Length, 0, 0);
    }

    /// <inheritdoc />
    public Task<Verification> VerifyAsync(GroundTruth truth, long eventsSent, CancellationToken cancellationToken) =>
        Task.FromResult(Verification.NotChecked("not checked: counters without dedupe by design"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await redis.DisposeAsync();

    private static long Increment(LiveEventData data) => data switch
    {
        LikesReceived l => l.Count,
        LiveImpressions i => i.Count,
        ProductImpressions p => p.Count,
        ProductClicks c => c.Count,
        _ => 1,
    };
}
