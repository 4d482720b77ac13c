using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using Microsoft.Extensions.Logging;

namespace LiveGrains.Grains.Agencies;

/// <summary>
/// Carries the cards and ends of this silo's LIVEs to their agencies. Each agency has at most one call in flight,
/// carrying everything posted since the previous call (the latest card of each LIVE): ten thousand LIVEs ticking
/// once a second make a few calls per agency per second instead of one call per LIVE, and no LIVE waits on its
/// agency. Calls to one agency never overlap, so a card posted before a LIVE's end cannot overtake it.
/// </summary>
public sealed partial class AgencyCardRelay(IGrainFactory grains, ILogger<AgencyCardRelay> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Outbox> _outboxes = new(StringComparer.Ordinal);

    /// <summary>The attention thresholds the agency last answered with, or null before its first answer.</summary>
    public AttentionThresholds? ThresholdsOf(string agencyId)
    {
        lock (_gate) return _outboxes.GetValueOrDefault(agencyId)?.Thresholds;
    }

    /// <summary>Queues the latest card of a LIVE for the agency it names.</summary>
    public void PostCard(string agencyId, LiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Post(agencyId, outbox => outbox.Changes.Changed(card));
    }

    /// <summary>Queues the end of a LIVE for an agency: it leaves the ongoing index and any pin.</summary>
    public void PostEnded(string agencyId, string liveId) =>
        Post(agencyId, outbox => outbox.Changes.Ended(liveId));

    private void Post(string agencyId, Action<Outbox> change)
    {
        Outbox? outbox;
        lock (_gate)
        {
            if (!_outboxes.TryGetValue(agencyId, out outbox))
            {
                _outboxes[agencyId] = outbox = new Outbox(grains.GetGrain<IAgencyGrain>(agencyId));
            }
            change(outbox);
            if (outbox.Sending) return;
            outbox.Sending = true;
        }
        // Off the posting grain's scheduler: the LIVE's turn ends now, the agency call runs on its own.
        _ = Task.Run(() => Send(agencyId, outbox));
    }

    private async Task Send(string agencyId, Outbox outbox)
    {
        while (true)
        {
            LiveCard[] cards;
            string[] ended;
            lock (_gate)
            {
                if (outbox.Changes.IsEmpty)
                {
                    outbox.Sending = false;
                    return;
                }
                (cards, ended) = outbox.Changes.Take();
            }
            try
            {
                var thresholds = await outbox.Agency.ApplyCards(cards, ended);
                lock (_gate) outbox.Thresholds = thresholds;
            }
            catch (Exception ex)
            {
                // Cards come again at the LIVE's next change or heartbeat; a lost end is repaired by the agency, which
                // drops cards it has not heard about for a while.
                LogSendFailed(logger, ex, agencyId, cards.Length, ended.Length);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Cards} cards and {Ended} ends to agency {AgencyId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string agencyId, int cards, int ended);

    private sealed class Outbox(IAgencyGrain agency)
    {
        public IAgencyGrain Agency { get; } = agency;
        public PendingCardChanges Changes { get; } = new();
        public AttentionThresholds? Thresholds { get; set; }
        public bool Sending { get; set; }
    }
}
