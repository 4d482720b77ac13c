using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Agencies;
using LiveGrains.Grains.Hosting;
using LiveGrains.Grains.Rollup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace LiveGrains.Grains.Sessions;

/// <summary>
/// One LIVE: the single writer of its rollup. Ingest applies events in memory; a tick (at most once per
/// <see cref="LiveGrainsOptions.TickInterval"/>) posts the card to its agency through the silo's
/// <see cref="AgencyCardRelay"/> and publishes the detail on the LIVE's stream, so fan-out cost follows ticks, not
/// events. The timer ticks every interval only while changes come: the first change after a quiet interval is pushed at
/// once, and a quiet LIVE sleeps until its next heartbeat or checkpoint, so ten thousand LIVEs cost timers in proportion
/// to their activity. At the end of the LIVE it writes its history row, tells its creator and agency, and deactivates.
/// Durability: accepted events get the next sequence numbers and are appended to the event log before the call
/// returns; the rollup is checkpointed every <see cref="LiveGrainsOptions.CheckpointInterval"/> and when the LIVE ends, and an
/// activation replays the log after its checkpoint.
/// In cluster mode (<see cref="LiveGrainsOptions.OnAirReminders"/>) it holds a reminder while on air, so that when its
/// silo dies the LIVE is reactivated on another one (and its card returns to the Ongoing LIVEs) within a minute,
/// instead of at its next event, which may never come.
/// </summary>
public sealed partial class LiveSessionGrain(
    [PersistentState("live", StorageNames.Grains)] IPersistentState<LiveSessionState> store,
    ILiveHistoryStore history,
    ILiveEventLog eventLog,
    AgencyCardRelay cards,
    TimeProvider clock,
    IOptions<LiveGrainsOptions> options,
    ILogger<LiveSessionGrain> logger) : Grain, ILiveSessionGrain, IRemindable
{
    /// <summary>Name of the reminder a LIVE holds while on air.</summary>
    public const string OnAirReminder = "on-air";

    // Orleans' shortest reminder period: a dead silo's LIVEs come back within about this long.
    private static readonly TimeSpan OnAirReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly LiveGrainsOptions _options = options.Value;
    // The comments accepted since the last push while a dashboard watched, as they came: their views are made for the
    // watchers' update. An unwatched LIVE keeps none (a watcher reads a snapshot after it starts watching).
    private readonly List<(CommentPosted Comment, DateTimeOffset At)> _newComments = [];
    private readonly List<ViolationView> _newViolations = [];
    private IGrainTimer? _timer;
    // True while the timer fires every tick interval; false while it sleeps until the next heartbeat or checkpoint.
    private bool _ticking;
    private bool _changedSincePush;
    private bool _changedSinceCheckpoint;
    private bool _discarded;
    private long? _firstChangedMinute;
    private DateTimeOffset _lastPush;
    private DateTimeOffset _lastCheckpoint;
    private DateTimeOffset _lastCreatorRefresh;
    private DateTimeOffset _watchedUntil;
    // Resolved once per activation.
    private ICreatorGrain? _creator;
    private IAsyncStream<LiveDetailUpdate>? _detailStream;
    // Registered once per activation (its first tick on air), never per event; null until then or once removed.
    private IGrainReminder? _onAirReminder;
    private DateTimeOffset _nextReminderAttempt;
    private string? _liveId;
    // The liveId instance of the last event found to be this LIVE's. A producer in process, and the readers of requests,
    // which reuse the strings they read recently, hand the same instance again; comparing references then spares reading
    // both strings, one of which (the key) is seldom in the caches when ten thousand LIVEs take turns.
    private string? _ownLiveId;

    // The state object, kept from its first read: the storage bridge's State checks the calling thread's grain context on
    // every read, behind two more objects, and ingest read it several times per call. Only reading or clearing the stored
    // state replaces the object, and this grain does neither after activation (its checkpoints only write).
    private LiveSessionState? _state;

    private LiveSessionState State => _state ??= store.State;
    private LiveRollup Rollup => State.Rollup;
    // Kept: reading the key decodes a new string, and ingest reads it for every event.
    private string LiveId => _liveId ??= this.GetPrimaryKeyString();
    private bool PeriodicCheckpoints => _options.CheckpointInterval != Timeout.InfiniteTimeSpan;
    private bool HistoryIsStale => Rollup.Status != LiveStatus.Live && State.HistoryWrittenAtCount != Rollup.EventCount;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Spread over the interval: LIVEs that start together would otherwise all checkpoint in the same tick, every
        // interval, and queue behind one another at the storage for seconds.
        _lastCheckpoint = clock.GetUtcNow() - (PeriodicCheckpoints ? Random.Shared.NextDouble() * _options.CheckpointInterval : TimeSpan.Zero);
        Rollup.EventIds.UseLength(_options.DedupeWindow);
        Rollup.AdoptOlderLayout();
        await Replay(cancellationToken);
        if (Rollup.HasData && (Rollup.Status == LiveStatus.Live || HistoryIsStale)) EnsureTimer();
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A discarded activation holds events that may not be durable: writing them would make them so unacknowledged.
        if (!_changedSinceCheckpoint || _discarded) return;
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown && !_options.CheckpointOnShutdown) return;
        await Checkpoint(clock.GetUtcNow(), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<LiveIngestResult> Ingest(IReadOnlyList<LiveEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > _options.MaxBatchSize)
            throw new ArgumentException($"A batch holds at most {_options.MaxBatchSize} events (got {batch.Count}).", nameof(batch));

        if (_discarded) throw new IngestUnavailableException($"LIVE {LiveId} is reloading after a failed append; retry.");
        var now = clock.GetUtcNow();
        int accepted = 0, duplicates = 0;
        List<RejectedEvent>? rejected = null;
        // The accepted events in the order applied; null while every event so far was accepted, as in most calls, since the
        // batch (or its time order) is then what to log.
        List<LiveEvent>? toLog = null;
        var order = TimeOrder(batch);
        var watched = now < _watchedUntil;
        for (var k = 0; k < batch.Count; k++)
        {
            var i = order?[k] ?? k;
            var e = batch[i];
            var problem = EventValidator.Validate(e, now) ?? Ownership(e);
            var outcome = problem is null ? Rollup.Apply(e) : ApplyOutcome.Reject(problem);
            if (outcome.Kind == ApplyKind.Accepted)
            {
                accepted++;
                toLog?.Add(e);
                if (watched) Track(e);
                continue;
            }
            if (outcome.Kind == ApplyKind.Duplicate) duplicates++;
            else (rejected ??= []).Add(new RejectedEvent(i, e?.EventId, outcome.Reason!));
            // From the first event not accepted on, the batch is no longer what was accepted.
            toLog ??= AcceptedSoFar(batch, order, k);
        }

        if (accepted > 0)
        {
            await Log(new SequencedEvents(State.LastSequence + 1, toLog ?? (order is null ? batch : AcceptedSoFar(batch, order, batch.Count))));
            State.LastSequence += accepted;
            _changedSincePush = _changedSinceCheckpoint = true;
            // The creator's profile (and its claim on the LIVE) is read by the tick this wakes, before it builds the first
            // card: not here, where the acknowledgement of a LIVE's first events would wait for the creator's grain (and,
            // in cluster mode, for its state write in Postgres).
            Wake(now);
        }
        if (order is not null) rejected?.Sort((a, b) => a.Index.CompareTo(b.Index));
        // As a read-only list, the empty one is the shared empty array: typed as the List, it was a new List on every call.
        return new LiveIngestResult(accepted, duplicates, (IReadOnlyList<RejectedEvent>?)rejected ?? [], State.LastSequence);
    }

    /// <summary>The first <paramref name="count"/> events in the order applied, all of them accepted.</summary>
    private static List<LiveEvent> AcceptedSoFar(IReadOnlyList<LiveEvent> batch, int[]? order, int count)
    {
        var accepted = new List<LiveEvent>(batch.Count);
        for (var k = 0; k < count; k++) accepted.Add(batch[order?[k] ?? k]);
        return accepted;
    }

    /// <summary>
    /// The order in which to apply a batch: by occurredAt (stable), or null when the batch spans less than the dedupe
    /// window, as a live producer's batches do, since then no order of it can push one of its own events out of the
    /// window. A LIVE sent whole in one call, grouped by type or newest first, is thus judged against its dedupe window in
    /// the order its events happened, and none of it is refused for arriving late within its own call.
    /// </summary>
    private int[]? TimeOrder(IReadOnlyList<LiveEvent> batch)
    {
        if (batch.Count < 2) return null;
        DateTimeOffset first = DateTimeOffset.MaxValue, last = DateTimeOffset.MinValue;
        for (var i = 0; i < batch.Count; i++)
        {
            var at = OccurredAt(batch[i]);
            if (at < first) first = at;
            if (at > last) last = at;
        }
        return last - first <= Rollup.EventIds.Length ? null : SortedByTime(batch);
    }

    // Its own method: the comparison's closure over the batch would otherwise be allocated on every call, sorted or not.
    private static int[] SortedByTime(IReadOnlyList<LiveEvent> batch)
    {
        var order = new int[batch.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // Index breaks ties, which keeps the sort stable: of two events with one id, the first sent is applied first.
        Array.Sort(order, (a, b) => OccurredAt(batch[a]).CompareTo(OccurredAt(batch[b])) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    // Ordering must not be what fails on a null item.
    private static DateTimeOffset OccurredAt(LiveEvent? e) => e?.OccurredAt ?? DateTimeOffset.MinValue;

    /// <inheritdoc />
    public async Task CreatorChanged(CreatorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.CreatorId != Rollup.CreatorId || State.Creator is null) return;
        await ApplyCreator(profile, clock.GetUtcNow());
        // Name, avatar and type are on the card; a new agency must get the card at the next tick.
        _changedSincePush = true;
        Wake(clock.GetUtcNow());
    }

    /// <inheritdoc />
    public Task Watch(TimeSpan lease)
    {
        var until = clock.GetUtcNow() + lease;
        if (until > _watchedUntil) _watchedUntil = until;
        return Task.CompletedTask;
    }

    /// <summary>
    /// The on-air reminder's tick. Activation has already replayed the log and started the timer of a LIVE on air (or
    /// with history to write), which is all a tick has to ensure; a reminder that outlived its LIVE removes itself.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != OnAirReminder) return;
        if (Rollup.HasData && (Rollup.Status == LiveStatus.Live || HistoryIsStale))
        {
            EnsureTimer();
            return;
        }
        await RemoveOnAirReminder();
    }

    /// <inheritdoc />
    public Task<LiveCard?> GetCard() =>
        Task.FromResult(Rollup.HasData ? LiveViews.Card(State, clock.GetUtcNow(), _options.CardComments) : null);

    /// <inheritdoc />
    public Task<LiveDashboard?> GetDashboard() =>
        Task.FromResult(Rollup.HasData ? LiveViews.Dashboard(State, clock.GetUtcNow(), _options.CardComments) : null);

    private async Task Log(SequencedEvents events)
    {
        try
        {
            await eventLog.AppendAsync(LiveId, events, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rollup already holds these events but they may not be durable: drop this activation so the next one
            // rebuilds from the checkpoint and the log, which holds exactly what is durable.
            _discarded = true;
            _timer?.Dispose();
            this.DeactivateOnIdle();
            LogAppendFailed(logger, ex, LiveId, events.Events.Count);
            throw Unavailable($"the events of LIVE {LiveId} could not be made durable", ex);
        }
    }

    private async Task Replay(CancellationToken cancellationToken)
    {
        long replayed = 0;
        try
        {
            await foreach (var logged in eventLog.ReadAfterAsync(LiveId, State.LastSequence, cancellationToken))
            {
                // Replayed events were accepted once and are applied in their original order, so they are accepted again.
                Rollup.Apply(logged.Event);
                State.LastSequence = logged.Sequence;
                replayed++;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Unavailable($"LIVE {LiveId} could not replay its event log", ex);
        }
        if (replayed == 0) return;
        _changedSincePush = _changedSinceCheckpoint = true;
        LogReplayed(logger, LiveId, replayed, State.LastSequence);
    }

    /// <summary>
    /// The retryable error callers get. The cause stays in the silo's log: it is often a storage driver's exception,
    /// which Orleans cannot carry to callers that do not know its type.
    /// </summary>
    private static IngestUnavailableException Unavailable(string what, Exception cause) =>
        new($"Ingest is unavailable: {what} ({cause.GetBaseException().Message}). Nothing of this call was acknowledged; retry with the same event ids.")
        {
            RetryAfter = cause is IngestUnavailableException unavailable ? unavailable.RetryAfter : TimeSpan.FromSeconds(1),
        };

    private string? Ownership(LiveEvent e)
    {
        if (!ReferenceEquals(e.LiveId, _ownLiveId))
        {
            if (e.LiveId != LiveId) return $"liveId '{e.LiveId}' was sent to LIVE '{LiveId}'";
            _ownLiveId = e.LiveId;
        }
        return Rollup.CreatorId is { } creator && creator != e.CreatorId
            ? $"creatorId '{e.CreatorId}' differs from this LIVE's creator '{creator}'"
            : null;
    }

    private void Track(LiveEvent e)
    {
        var minute = LiveRollup.MinuteOf(e.OccurredAt);
        _firstChangedMinute = _firstChangedMinute is null ? minute : Math.Min(_firstChangedMinute.Value, minute);
        switch (e.Data)
        {
            case CommentPosted c:
                _newComments.Add((c, e.OccurredAt));
                break;
            case ViolationRecorded recorded:
                _newViolations.Add(ViolationOf(recorded.ViolationId));
                break;
        }
    }

    // Not inline in Track: a lambda there capturing a variable of its switch allocated a closure for every event.
    private ViolationView ViolationOf(string violationId) => Rollup.Violations.First(v => v.ViolationId == violationId);

    /// <summary>Starts the timer of an activation that has work: at a random point of the interval, so that LIVEs
    /// reactivated together (a silo's LIVEs after it died) do not all tick in one instant.</summary>
    private void EnsureTimer()
    {
        if (_timer is null) StartTimer(Random.Shared.NextDouble() * _options.TickInterval);
    }

    /// <summary>
    /// Ticks every interval from now on: at once when the last push is an interval old (a change after a quiet spell
    /// reaches dashboards without waiting), else when the interval since it is up.
    /// </summary>
    private void Wake(DateTimeOffset now)
    {
        if (_ticking) return;
        var due = _lastPush + _options.TickInterval - now;
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        if (_timer is null) StartTimer(due);
        else _timer.Change(due, _options.TickInterval);
        _ticking = true;
    }

    private void StartTimer(TimeSpan due)
    {
        _timer = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(due, _options.TickInterval)
        {
            // The LIVE must stay in memory while it is on air: its rollup is the product.
            KeepAlive = true,
        });
        _ticking = true;
    }

    /// <summary>Stops ticking every interval until the next heartbeat, checkpoint or reminder attempt is due.</summary>
    private void Sleep(DateTimeOffset now)
    {
        if (_timer is null) return;
        var due = _lastPush + _options.HeartbeatInterval;
        if (PeriodicCheckpoints && _changedSinceCheckpoint && _lastCheckpoint + _options.CheckpointInterval < due) due = _lastCheckpoint + _options.CheckpointInterval;
        if (_options.OnAirReminders && _onAirReminder is null && Rollup.Status == LiveStatus.Live && _nextReminderAttempt < due) due = _nextReminderAttempt;
        _ticking = false;
        _timer.Change(due > now ? due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_options.OnAirReminders && _onAirReminder is null && Rollup.Status == LiveStatus.Live && now >= _nextReminderAttempt)
        {
            await RegisterOnAirReminder(now);
        }
        var changed = _changedSincePush;
        if (changed || now - _lastPush >= _options.HeartbeatInterval) await Push(now);
        if (HistoryIsStale)
        {
            await Finish(now, cancellationToken);
            return;
        }
        if (PeriodicCheckpoints && _changedSinceCheckpoint && now - _lastCheckpoint >= _options.CheckpointInterval)
        {
            await Checkpoint(now, cancellationToken);
        }
        // A LIVE that changed may change again within the interval: keep ticking. One that did not sleeps.
        if (!changed) Sleep(now);
    }

    private async Task Push(DateTimeOffset now)
    {
        if (now - _lastCreatorRefresh >= _options.CreatorRefreshInterval) await RefreshCreator(now);
        var card = LiveViews.Card(State, now, _options.CardComments);
        if (card.Status == LiveStatus.Live && card.AgencyId is { } agencyId)
        {
            cards.PostCard(agencyId, card);
            State.Thresholds = cards.ThresholdsOf(agencyId) ?? State.Thresholds;
        }
        if (_changedSincePush && now < _watchedUntil)
        {
            var update = new LiveDetailUpdate(LiveId, card, NewCommentViews(),
                _newViolations.ToList(), RollupReader.Trends(Rollup, now, _firstChangedMinute), now);
            try
            {
                _detailStream ??= this.GetStreamProvider(LiveStreams.Provider).GetStream<LiveDetailUpdate>(LiveStreams.ForLive(LiveId));
                await _detailStream.OnNextAsync(update);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Dashboards catch up from the next update or a fresh snapshot; ingest must not fail for them.
                LogPublishFailed(logger, ex, LiveId);
            }
        }
        _newComments.Clear();
        _newViolations.Clear();
        _firstChangedMinute = null;
        _changedSincePush = false;
        _lastPush = now;
    }

    // Newest first; the sort is stable, so comments of one instant keep the order they came in.
    private List<CommentView> NewCommentViews() =>
        _newComments.OrderByDescending(c => c.At).Select(c => new CommentView(c.Comment.ViewerId, c.Comment.Nickname, c.Comment.Text, c.At)).ToList();

    private async Task RefreshCreator(DateTimeOffset now)
    {
        if (Rollup.CreatorId is not { } creatorId) return;
        // A LIVE on air that its creator may not know of yet claims it in the call that reads the profile: at the start
        // of ten thousand LIVEs, a call less for each.
        var claim = Rollup.Status == LiveStatus.Live && State.Creator?.CurrentLiveId != LiveId;
        await ApplyCreator(claim ? await Creator(creatorId).GoOnAir(LiveId) : await Creator(creatorId).GetProfile(), now);
    }

    private async Task ApplyCreator(CreatorProfile profile, DateTimeOffset now)
    {
        var previousAgency = State.Creator?.AgencyId;
        _lastCreatorRefresh = now;
        if (Rollup.Status == LiveStatus.Live && profile.CurrentLiveId != LiveId) profile = await Creator(profile.CreatorId).GoOnAir(LiveId);
        State.Creator = profile;
        if (Rollup.Status != LiveStatus.Live) return;
        if (previousAgency is not null && previousAgency != profile.AgencyId)
        {
            // The creator moved to another agency mid-LIVE: the old one must stop showing the card.
            cards.PostEnded(previousAgency, LiveId);
        }
    }

    private ICreatorGrain Creator(string creatorId) => _creator ??= StringKeyedGrains<ICreatorGrain>.Get(GrainFactory, creatorId);

    private async Task Finish(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dashboard = LiveViews.Dashboard(State, now, _options.CardComments);
        await history.SaveAsync(new LiveHistoryRecord(LiveViews.Summary(dashboard), dashboard), cancellationToken);
        if (State.Creator?.AgencyId is { } agencyId) cards.PostEnded(agencyId, LiveId);
        if (Rollup.CreatorId is { } creatorId) await Creator(creatorId).GoOffAir(LiveId);
        State.HistoryWrittenAtCount = Rollup.EventCount;
        await Checkpoint(now, cancellationToken);
        // With reminders off, one left from before is removed by its own next tick.
        if (_options.OnAirReminders) await RemoveOnAirReminder();
        LogLiveFinished(logger, LiveId, Rollup.Status, Rollup.EventCount);
        _timer?.Dispose();
        _timer = null;
        _ticking = false;
        this.DeactivateOnIdle();
    }

    private async Task RegisterOnAirReminder(DateTimeOffset now)
    {
        try
        {
            _onAirReminder = await this.RegisterOrUpdateReminder(OnAirReminder, OnAirReminderPeriod, OnAirReminderPeriod);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The LIVE runs on without it (it only matters if this silo dies); retry later rather than on every tick,
            // which during a database outage would be every LIVE every second.
            _nextReminderAttempt = now + _options.HeartbeatInterval;
            LogReminderFailed(logger, ex, LiveId, "register");
        }
    }

    private async Task RemoveOnAirReminder()
    {
        try
        {
            // Another activation (before a crash) may have registered it: then only the reminder table knows it.
            if ((_onAirReminder ?? await this.GetReminder(OnAirReminder)) is { } reminder) await this.UnregisterReminder(reminder);
            _onAirReminder = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Harmless: its next tick finds the LIVE ended and tries again.
            LogReminderFailed(logger, ex, LiveId, "remove");
        }
    }

    private async Task Checkpoint(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.WriteStateAsync(cancellationToken);
        _changedSinceCheckpoint = false;
        _lastCheckpoint = now;
        await eventLog.CheckpointedAsync(LiveId, State.LastSequence, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the detail update of LIVE {LiveId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string liveId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} events of LIVE {LiveId} to the event log failed; the activation is discarded")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string liveId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "LIVE {LiveId} replayed {Count} events from its log, up to sequence {Sequence}")]
    private static partial void LogReplayed(ILogger logger, string liveId, long count, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LIVE {LiveId} could not {Action} its on-air reminder")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, string liveId, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "LIVE {LiveId} finished as {Status} after {EventCount} events")]
    private static partial void LogLiveFinished(ILogger logger, string liveId, LiveStatus status, long eventCount);
}
