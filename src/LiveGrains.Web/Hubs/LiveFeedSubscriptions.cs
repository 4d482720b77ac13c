using System.Collections.Concurrent;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Streams;
using Microsoft.AspNetCore.SignalR;
using LiveGrains.Web.Observability;
using Orleans.Streams;

namespace LiveGrains.Web.Hubs;

/// <summary>
/// One Orleans stream subscription per agency or LIVE that this web process's connections watch,
/// reference-counted: the first watcher subscribes, the last one to leave unsubscribes. Each stream batch is
/// forwarded once to the SignalR group, so the cost follows feeds watched, not connections; an agency's batches go
/// through an <see cref="AgencyFeedForwarder"/>, which merges what arrives while its group is still being sent to.
/// </summary>
public sealed partial class LiveFeedSubscriptions(IClusterClient cluster, IHubContext<LiveHub> hub, LiveMetrics metrics, ILogger<LiveFeedSubscriptions> logger)
{
    /// <summary>How long an agency or LIVE publishes updates after a watch; renewed at a third of it while watched.</summary>
    public static readonly TimeSpan WatchLease = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<LiveFeedKey, (int Watchers, Func<Task> Unsubscribe)> _feeds = [];
    private readonly ConcurrentDictionary<string, HashSet<LiveFeedKey>> _byConnection = new();

    /// <summary>The connections watching a feed: 0 when its stream is not subscribed to.</summary>
    public async Task<int> WatchersOf(LiveFeedKey key)
    {
        await _gate.WaitAsync();
        try
        {
            return _feeds.TryGetValue(key, out var feed) ? feed.Watchers : 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds a connection to a feed, subscribing to the stream if it is the first watcher.</summary>
    public async Task Watch(string connectionId, LiveFeedKey key, CancellationToken cancellationToken)
    {
        var keys = _byConnection.GetOrAdd(connectionId, _ => []);
        lock (keys)
        {
            if (!keys.Add(key)) return;
        }
        await hub.Groups.AddToGroupAsync(connectionId, key.Group, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_feeds.TryGetValue(key, out var feed))
            {
                _feeds[key] = feed with { Watchers = feed.Watchers + 1 };
                return;
            }
            _feeds[key] = (1, key.Kind == LiveFeedKind.Agency
                ? await WatchFeed<AgencyCardsChanged>(key,
                    new AgencyFeedForwarder(key.Id, (batch, oldest) => Send(key, "CardsChanged", batch, oldest), logger).Post,
                    cluster.GetGrain<IAgencyGrain>(key.Id))
                : await WatchFeed<LiveDetailUpdate>(key, update => Forward(key, "LiveUpdated", update, update.At), cluster.GetGrain<ILiveSessionGrain>(key.Id)));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes a connection from a feed, unsubscribing when it was the last watcher.</summary>
    public async Task Unwatch(string connectionId, LiveFeedKey key)
    {
        if (!_byConnection.TryGetValue(connectionId, out var keys)) return;
        lock (keys)
        {
            if (!keys.Remove(key)) return;
        }
        await hub.Groups.RemoveFromGroupAsync(connectionId, key.Group);
        await Release(key);
    }

    /// <summary>Releases every feed of a closed connection.</summary>
    public async Task UnwatchAll(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var keys)) return;
        List<LiveFeedKey> watched;
        lock (keys) watched = [.. keys];
        foreach (var key in watched) await Release(key);
    }

    private async Task Release(LiveFeedKey key)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_feeds.TryGetValue(key, out var feed)) return;
            if (feed.Watchers > 1)
            {
                _feeds[key] = feed with { Watchers = feed.Watchers - 1 };
                return;
            }
            _feeds.Remove(key);
            await feed.Unsubscribe();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReleaseFailed(logger, ex, key.Group);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Subscribes to a grain's stream and keeps the grain's watch lease renewed until unsubscribed.</summary>
    private async Task<Func<Task>> WatchFeed<T>(LiveFeedKey key, Func<T, Task> onNext, IWatchableGrain grain)
    {
        var handle = await cluster.GetStreamProvider(LiveStreams.Provider).GetStream<T>(key.Stream)
            .SubscribeAsync((message, _) => onNext(message));
        await grain.Watch(WatchLease);
        var stop = new CancellationTokenSource();
        var renewals = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(WatchLease / 3);
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    await grain.Watch(WatchLease);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next renewal tries again; until then the grain may skip an update or two.
                    LogRenewFailed(logger, ex, key.Group);
                }
            }
        });
        return async () =>
        {
            await stop.CancelAsync();
            try
            {
                await renewals;
            }
            catch (OperationCanceledException)
            {
                // Stopped as asked.
            }
            stop.Dispose();
            await handle.UnsubscribeAsync();
        };
    }

    private async Task Send<T>(LiveFeedKey key, string method, T message, DateTimeOffset publishedAt)
    {
        await hub.Clients.Group(key.Group).SendAsync(method, message);
        metrics.Pushed(publishedAt);
    }

    private async Task Forward<T>(LiveFeedKey key, string method, T message, DateTimeOffset publishedAt)
    {
        try
        {
            await Send(key, method, message, publishedAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One unreachable dashboard must not stall the stream for the others.
            LogForwardFailed(logger, ex, key.Group);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding to dashboards of {Group} failed")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the watch of {Group} failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the stream subscription of {Group} failed")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string group);
}
