using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace LiveGrains.Grains.Agencies;

/// <summary>
/// An agency: bound creators, pins, preferences and the ongoing index. LIVE grains push their cards here; the agency
/// publishes what changed as one batch on its stream at most once per <see cref="LiveGrainsOptions.AgencyPublishInterval"/>,
/// and the first change after a quiet interval at once, so a card never waits for a publish that is not busy.
/// Its name is written through to the creator directory, which answers creator search.
/// </summary>
public sealed partial class AgencyGrain(
    [PersistentState(StorageNames.AgencyState, StorageNames.Grains)] IPersistentState<AgencyState> store,
    ICreatorDirectory directory,
    TimeProvider clock,
    IOptions<LiveGrainsOptions> options,
    ILogger<AgencyGrain> logger) : Grain, IAgencyGrain
{
    /// <summary>Most LIVEs an agency can pin at once.</summary>
    public const int MaxPins = 3;

    private readonly LiveGrainsOptions _options = options.Value;
    // Who is bound here, loaded from the directory at activation and kept by the creators' calls since; not in the
    // persisted state, which would then be rewritten whole for every creator bound (quadratic for a large agency).
    private readonly HashSet<string> _creators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (LiveCard Card, DateTimeOffset SeenAt)> _ongoing = [];
    private readonly HashSet<string> _changed = [];
    private readonly HashSet<string> _ended = [];
    private IGrainTimer? _timer;
    // True while the timer is re-armed to publish at once; the last time something was published.
    private bool _publishSoon;
    private DateTimeOffset _lastPublish;
    private DateTimeOffset _watchedUntil;
    private IAsyncStream<AgencyCardsChanged>? _stream;

    private AgencyState State => store.State;
    private string AgencyId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Creators write the directory before they call here, so it holds every binding this grain would have heard of.
        _creators.UnionWith(await directory.GetBoundCreatorIdsAsync(AgencyId, cancellationToken));
        await base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AgencyInfo> Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        State.Name = name.Trim();
        await store.WriteOrReloadAsync(this);
        // After the state, which is the truth: a rename retried after a failure here writes both again, harmlessly.
        await directory.UpsertAgencyAsync(AgencyId, State.Name, CancellationToken.None);
        return Info();
    }

    /// <inheritdoc />
    public Task<AgencyInfo> GetInfo() => Task.FromResult(Info());

    /// <inheritdoc />
    public Task CreatorBound(CreatorProfile creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        _creators.Add(creator.CreatorId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CreatorUnbound(string creatorId)
    {
        if (!_creators.Remove(creatorId)) return Task.CompletedTask;
        foreach (var liveId in _ongoing.Where(kv => kv.Value.Card.CreatorId == creatorId).Select(kv => kv.Key).ToList())
        {
            Remove(liveId);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Watch(TimeSpan lease)
    {
        var until = clock.GetUtcNow() + lease;
        if (until > _watchedUntil) _watchedUntil = until;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<AttentionThresholds> ApplyCards(IReadOnlyList<LiveCard> cards, IReadOnlyList<string> ended)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(ended);
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var card in cards)
        {
            if (card.AgencyId != AgencyId || card.Status != LiveStatus.Live || !_creators.Contains(card.CreatorId)) continue;
            _ongoing[card.LiveId] = (card, now);
            _changed.Add(card.LiveId);
            _ended.Remove(card.LiveId);
            EnsureTimer();
            changed = true;
        }
        var unpinned = false;
        foreach (var liveId in ended)
        {
            changed |= Remove(liveId);
            unpinned |= State.Pins.Remove(liveId);
        }
        if (changed) PublishSoon(now);
        if (unpinned) await store.WriteOrReloadAsync(this);
        return State.Thresholds;
    }

    /// <inheritdoc />
    public Task<OngoingLives> GetOngoing(OngoingQuery query) =>
        Task.FromResult(new OngoingLives(
            OngoingIndex.Query(_ongoing.Values.Select(v => v.Card), State.Pins, query ?? OngoingQuery.Default),
            _ongoing.Count, _creators.Count, State.CardMetrics, clock.GetUtcNow()));

    /// <inheritdoc />
    public async Task<OperationResult> Pin(string liveId)
    {
        if (State.Pins.Contains(liveId)) return OperationResult.Ok;
        if (!_ongoing.ContainsKey(liveId))
            return OperationResult.Fail(ErrorKind.NotFound, $"LIVE '{liveId}' is not an ongoing LIVE of this agency.");
        if (State.Pins.Count >= MaxPins)
            return OperationResult.Fail(ErrorKind.Conflict, $"You can pin at most {MaxPins} LIVEs. Unpin one before pinning another.");
        State.Pins.Add(liveId);
        await store.WriteOrReloadAsync(this);
        MarkChanged(liveId);
        return OperationResult.Ok;
    }

    /// <inheritdoc />
    public async Task<OperationResult> Unpin(string liveId)
    {
        if (!State.Pins.Remove(liveId)) return OperationResult.Ok;
        await store.WriteOrReloadAsync(this);
        MarkChanged(liveId);
        return OperationResult.Ok;
    }

    /// <inheritdoc />
    public Task<AgencyPreferences> GetPreferences() =>
        Task.FromResult(new AgencyPreferences(State.CardMetrics.ToList(), State.ListMetrics.ToList(), State.Thresholds));

    /// <inheritdoc />
    public async Task<OperationResult> SetPreferences(AgencyPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var problem = Prefix("cardMetrics", MetricCatalog.ValidateChoice(preferences.CardMetrics))
            ?? Prefix("listMetrics", MetricCatalog.ValidateChoice(preferences.ListMetrics))
            ?? (preferences.Thresholds is null ? "thresholds: required" : Prefix("thresholds", preferences.Thresholds.Validate()));
        if (problem is not null) return OperationResult.Fail(ErrorKind.Invalid, problem);
        State.CardMetrics = [.. preferences.CardMetrics];
        State.ListMetrics = [.. preferences.ListMetrics];
        State.Thresholds = preferences.Thresholds!;
        await store.WriteOrReloadAsync(this);
        return OperationResult.Ok;
    }

    private static string? Prefix(string field, string? problem) => problem is null ? null : $"{field}: {problem}";

    private AgencyInfo Info() => new(AgencyId, State.Name ?? AgencyId, _creators.Count);

    private void MarkChanged(string liveId)
    {
        if (!_ongoing.ContainsKey(liveId)) return;
        _changed.Add(liveId);
        EnsureTimer();
    }

    private bool Remove(string liveId)
    {
        if (!_ongoing.Remove(liveId)) return false;
        _changed.Remove(liveId);
        _ended.Add(liveId);
        EnsureTimer();
        return true;
    }

    /// <summary>
    /// Publishes at once when nothing was published for an interval and a dashboard watches; otherwise the change waits
    /// for the next tick, so a busy agency still publishes once per interval.
    /// </summary>
    private void PublishSoon(DateTimeOffset now)
    {
        if (_publishSoon || _timer is null || now >= _watchedUntil || now - _lastPublish < _options.AgencyPublishInterval) return;
        _timer.Change(TimeSpan.Zero, _options.AgencyPublishInterval);
        _publishSoon = true;
    }

    private void EnsureTimer() =>
        _timer ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(_options.AgencyPublishInterval, _options.AgencyPublishInterval)
        {
            // Dashboards read the in-memory index: keep it while any LIVE is on air.
            KeepAlive = true,
        });

    private async Task Flush(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _publishSoon = false;
        foreach (var stale in _ongoing.Where(kv => now - kv.Value.SeenAt > _options.StaleCardAfter).Select(kv => kv.Key).ToList())
        {
            Remove(stale);
        }
        if (now >= _watchedUntil)
        {
            // No dashboard listens: a subscriber that arrives later starts from a snapshot of the index anyway.
            _changed.Clear();
            _ended.Clear();
        }
        else if (_changed.Count > 0 || _ended.Count > 0)
        {
            var changed = _changed.Select(id => _ongoing[id].Card with { Pinned = State.Pins.Contains(id) }).ToList();
            var batch = new AgencyCardsChanged(AgencyId, changed, _ended.ToList(), now);
            _changed.Clear();
            _ended.Clear();
            _lastPublish = now;
            try
            {
                _stream ??= this.GetStreamProvider(LiveStreams.Provider).GetStream<AgencyCardsChanged>(LiveStreams.ForAgency(AgencyId));
                await _stream.OnNextAsync(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(logger, ex, AgencyId, changed.Count);
            }
        }
        if (_ongoing.Count == 0 && _changed.Count == 0 && _ended.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} card changes of agency {AgencyId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string agencyId, int count);
}
