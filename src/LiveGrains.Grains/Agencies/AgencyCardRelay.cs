using System.Collections.Concurrent;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveGrains.Grains.Agencies;

/// <summary>
/// Carries the cards and ends of this silo's LIVEs to their agencies. Each agency has at most one call in flight,
/// carrying everything posted since the previous call (the latest card of each LIVE), and calls to one agency start at
/// most once per <see cref="LiveGrainsOptions.AgencyRelayInterval"/>: ten thousand LIVEs ticking once a second make a
/// few calls per agency per second instead of one call per card, and no LIVE waits on its agency. Calls to one agency
/// never overlap, so a card posted before a LIVE's end cannot overtake it. Each agency's outbox has a lock of its own:
/// with one lock for all, LIVEs posting to different agencies contended for it.
/// </summary>
public sealed partial class AgencyCardRelay(IGrainFactory grains, TimeProvider clock, IOptions<LiveGrainsOptions> options, ILogger<AgencyCardRelay> logger)
{
    private readonly ConcurrentDictionary<string, Outbox> _outboxes = new(StringComparer.Ordinal);
    private readonly TimeSpan _interval = options.Value.AgencyRelayInterval;

    /// <summary>The attention thresholds the agency last answered with, or null before its first answer.</summary>
    public AttentionThresholds? ThresholdsOf(string agencyId) => _outboxes.GetValueOrDefault(agencyId)?.Thresholds;

    /// <summary>Queues the latest card of a LIVE for the agency it names.</summary>
    public void PostCard(string agencyId, LiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Post(agencyId, card, null);
    }

    /// <summary>Queues the end of a LIVE for an agency: it leaves the ongoing index and any pin.</summary>
    public void PostEnded(string agencyId, string liveId) => Post(agencyId, null, liveId);

    // A card or an end, not a delegate: every LIVE posts a card every tick, and a closure per post was garbage per card.
    private void Post(string agencyId, LiveCard? card, string? endedLiveId)
    {
        var outbox = _outboxes.GetOrAdd(agencyId, static (id, grains) => new Outbox(grains.GetGrain<IAgencyGrain>(id)), grains);
        lock (outbox.Gate)
        {
            if (card is not null) outbox.Changes.Changed(card);
            else outbox.Changes.Ended(endedLiveId!);
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
            lock (outbox.Gate)
            {
                if (outbox.Changes.IsEmpty)
                {
                    outbox.Sending = false;
                    return;
                }
            }
            // A call as soon as the last is an interval old: the first card after a quiet spell goes at once, and cards
            // that come faster wait together for the next call.
            var wait = outbox.LastCall + _interval - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
            LiveCard[] cards;
            string[] ended;
            // Not empty: only this sender takes.
            lock (outbox.Gate) (cards, ended) = outbox.Changes.Take();
            outbox.LastCall = clock.GetUtcNow();
            RelayInstruments.Calls.Add(1);
            RelayInstruments.Cards.Add(cards.Length);
            try
            {
                outbox.Thresholds = await outbox.Agency.ApplyCards(cards, ended);
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
        // Read by LIVEs without the gate: one reference, published whole.
        private volatile AttentionThresholds? _thresholds;

        /// <summary>Guards <see cref="Changes"/> and <see cref="Sending"/>.</summary>
        public Lock Gate { get; } = new();
        public IAgencyGrain Agency { get; } = agency;
        public PendingCardChanges Changes { get; } = new();
        public bool Sending { get; set; }

        /// <summary>When the last call started; read and written only by the one sender at a time.</summary>
        public DateTimeOffset LastCall { get; set; }

        public AttentionThresholds? Thresholds
        {
            get => _thresholds;
            set => _thresholds = value;
        }
    }
}
