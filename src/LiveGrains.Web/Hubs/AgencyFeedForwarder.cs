using LiveGrains.Contracts.Streams;

namespace LiveGrains.Web.Hubs;

/// <summary>
/// Forwards one agency's card batches to its SignalR group with one send in flight. Batches that arrive during a send are
/// merged into the next one (the latest card of each LIVE, and the LIVEs that ended), so a group that reads slowly gets
/// fewer, fuller messages that are never older than one send, instead of a backlog that grows in the stream.
/// </summary>
public sealed partial class AgencyFeedForwarder(string agencyId, Func<AgencyCardsChanged, DateTimeOffset, Task> send, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly PendingCardChanges _changes = new();
    private DateTimeOffset _latest;
    private DateTimeOffset _oldest;
    private bool _sending;

    /// <summary>
    /// Queues a batch; starts a send unless one is in flight, which then picks the batch up when it completes. The task
    /// completes once the batch is queued, not sent, so the stream that delivered it is never held up by dashboards.
    /// </summary>
    public Task Post(AgencyCardsChanged batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            foreach (var liveId in batch.Ended) _changes.Ended(liveId);
            foreach (var card in batch.Changed) _changes.Changed(card);
            // The first batch since the last send has waited longest: its publish time is what the push metric reports.
            if (_oldest == default) _oldest = batch.At;
            if (batch.At > _latest) _latest = batch.At;
            if (_sending) return Task.CompletedTask;
            _sending = true;
        }
        _ = Task.Run(SendAll);
        return Task.CompletedTask;
    }

    private async Task SendAll()
    {
        while (true)
        {
            AgencyCardsChanged merged;
            DateTimeOffset oldest;
            lock (_gate)
            {
                if (_changes.IsEmpty)
                {
                    _sending = false;
                    return;
                }
                var (cards, ended) = _changes.Take();
                merged = new AgencyCardsChanged(agencyId, cards, ended, _latest);
                oldest = _oldest;
                _oldest = default;
            }
            try
            {
                await send(merged, oldest);
            }
            catch (Exception ex)
            {
                // One unreachable dashboard must not stop the feed for the others, and no failure may leave the feed marked
                // as sending, which would silence it: log, and the next batch goes out as usual.
                LogSendFailed(logger, ex, agencyId, merged.Changed.Count, merged.Ended.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Cards} cards and {Ended} ends of agency {AgencyId} to its dashboards failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string agencyId, int cards, int ended);
}
