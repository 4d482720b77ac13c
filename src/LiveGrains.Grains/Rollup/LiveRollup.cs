using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// Everything one LIVE accumulates: raw per-minute counters, distinct counts, comments, products,
/// promotions, violations and the dedupe sets. Events may arrive in any order and any number of
/// times; applying the same set of events in any order gives the same state. Derived numbers
/// (metrics, trends, attention) are computed on read from this state only.
/// </summary>
[GenerateSerializer, Alias("lg.LiveRollup")]
public sealed class LiveRollup
{
    /// <summary>Comments kept per LIVE (newest).</summary>
    public const int MaxComments = 50;

    /// <summary>
    /// Minutes kept as buckets to count in, the newest and the one before it (a producer's batch may span a minute's
    /// end); older ones are sealed into <see cref="Sealed"/>. A bucket takes about 240 bytes, a sealed minute a few dozen;
    /// while minutes stayed buckets for as long as the dedupe window reaches back (10 to 12.5 minutes), they were a fifth
    /// of an hour-long LIVE's rollup. An event that still comes for a sealed minute is rare, and gets that minute a
    /// bucket again, beside its record.
    /// </summary>
    public const int OpenMinutes = 2;

    // Declared in the order events reach them. The runtime lays out an object's reference fields first, then its longs,
    // ints and structs, each kind in declaration order: what every event reads (the dedupe window, the last bucket, the
    // ids, the count, the time of the first event) is in three of the object's eight cache lines this way, not five, and
    // at 10,000 LIVEs those lines are mostly out of the caches. Field ids, not this order, are what checkpoints hold.

    // Field 32 held every event id ever seen, in one set; a checkpoint that has it is moved into EventIds on first use.
    [Id(32)] public FingerprintSet? SeenEventIds;
    [Id(35)] public DedupeWindow EventIds = new();

    // Sums of the minutes already complete (see ClosedMinutes); made on first read, not state.
    [NonSerialized] private ClosedMinutes? _closed;

    // The bucket the last event went to, and its minute: most events fall in the minute of the one before, and finding
    // the minute in the dictionary each time took a fifth to a third of the rollup's time when LIVEs' state was in the
    // caches (no difference at 10,000 LIVEs, where reaching the state costs most). Not state.
    [NonSerialized] private MinuteBucket? _lastBucket;
    [NonSerialized] private long _lastBucketMinute;

    [Id(0)] public string? LiveId;
    [Id(1)] public string? CreatorId;
    [Id(10)] public HyperLogLog UniqueViewers = new();
    [Id(36)] public ViewerMix Viewers = new();
    /// <summary>The newest comments, at most <see cref="MaxComments"/>.</summary>
    [Id(39)] public CommentLog Comments = new();
    /// <summary>Comments as checkpoints kept them before <see cref="Comments"/>, as views; moved there on first use.</summary>
    [Id(12)] public List<CommentView>? CommentViews;
    /// <summary>Comments as checkpoints kept them before <see cref="Comments"/>, newest first; moved there on first use.</summary>
    [Id(38)] public List<StoredComment>? RecentComments;
    /// <summary>Buckets of the minutes not sealed yet, and of sealed minutes that a late event reached since.</summary>
    [Id(9)] public Dictionary<long, MinuteBucket> Minutes = [];
    [Id(31)] public long EventCount;
    [Id(5)] public DateTimeOffset? FirstEventAt;
    [Id(28)] public long LatestSample;
    [Id(29)] public DateTimeOffset LatestSampleAt;
    [Id(30)] public long PeakViewers;

    [Id(2)] public string? Title;
    [Id(3)] public CreatorType? CreatorType;
    [Id(4)] public DateTimeOffset? StartedAt;
    [Id(6)] public DateTimeOffset? EndedAt;
    [Id(7)] public LiveEndReason? EndReason;
    [Id(8)] public string? Currency;
    /// <summary>Buckets of the minutes before the last <see cref="OpenMinutes"/>, in a compact stream; null until the first.</summary>
    [Id(37)] public SealedMinutes? Sealed;
    [Id(11)] public HyperLogLog UniqueBuyers = new();
    [Id(13)] public Dictionary<string, ProductState> Products = [];
    [Id(14)] public string? PinnedProductId;
    [Id(15)] public DateTimeOffset PinChangedAt;
    [Id(16)] public Dictionary<string, PromotionState> Promotions = [];
    [Id(17)] public List<ViolationView> Violations = [];
    // Ids 18 to 20 held these three sets as strings; they stay retired so old checkpoints do not misread.
    // Order ids as 64-bit fingerprints: two of a LIVE's orders share one with a probability of about n²/2⁶⁵ (3·10⁻¹² for
    // ten thousand orders), and whole ones doubled what these sets hold for as long as a LIVE runs. Checkpoints written
    // before keep their whole fingerprints: a set's width is stored with it.
    [Id(33)] public FingerprintSet PaidOrders = new(FingerprintWidth.Half);
    [Id(34)] public FingerprintSet RefundedOrders = new(FingerprintWidth.Half);
    /// <summary>Views by region as checkpoints kept them before <see cref="ViewerMix.Regions"/>; moved there when the LIVE activates.</summary>
    [Id(23)] public Dictionary<string, long>? Regions;
    // Ids 21, 22, 24 and 25 held the gender, age, follower and traffic-source counts keyed by wire name; a checkpoint
    // that has them is moved into Viewers when its LIVE activates (AdoptOlderLayout).
    [Id(21)] public Dictionary<string, long>? NamedGenders;
    [Id(22)] public Dictionary<string, long>? NamedAgeBands;
    [Id(24)] public Dictionary<string, long>? NamedFollowers;
    [Id(25)] public Dictionary<string, long>? NamedTrafficSources;
    [Id(26)] public DateTimeOffset? FirstOrderAt;
    [Id(27)] public DateTimeOffset? LastOrderAt;

    // The oldest and newest minutes with a bucket: found once, then kept as buckets are made, so that reads every tick
    // need not scan every minute a LIVE had. Not state.
    [NonSerialized] private (long Oldest, long Newest)? _bucketRange;

    // The comments' views last made, for how many and at which change of the comments (counted from activation); cards
    // are built every tick, and making the views anew took three strings per comment each time. Not state.
    [NonSerialized] private (int Count, int Version, IReadOnlyList<CommentView> Views)? _newestViews;
    [NonSerialized] private int _commentsVersion;
    // The last change of the comments that was not a comment added after all the others (a late one, older ones adopted):
    // views made since then are still the newest but for the comments added on top of them.
    [NonSerialized] private int _commentsReordered;

    /// <summary>The complete minutes' sums kept between reads of the totals.</summary>
    internal ClosedMinutes Closed => _closed ??= new ClosedMinutes();

    /// <summary>The oldest and newest minutes with a bucket; (<see cref="long.MaxValue"/>, <see cref="long.MinValue"/>) without any.</summary>
    internal (long Oldest, long Newest) BucketRange => _bucketRange ??= (
        Math.Min(Minutes.Count > 0 ? Minutes.Keys.Min() : long.MaxValue, Sealed is { Count: > 0 } s ? s.First : long.MaxValue),
        Math.Max(Minutes.Count > 0 ? Minutes.Keys.Max() : long.MinValue, Sealed is { Count: > 0 } t ? t.Last : long.MinValue));

    // This and InteractionsBetween take the sealed records' sums, then go through every bucket in Minutes: the open minutes
    // and what late events added to sealed ones, a handful. Attention rules read them every tick: loops, not an iterator,
    // which allocated once per rule and card.

    /// <summary>The highest viewer sample of the minutes from <paramref name="from"/> on; 0 without any.</summary>
    internal long PeakViewersFrom(long from)
    {
        var peak = Sealed?.Sum(from, long.MaxValue).PeakViewers ?? 0;
        foreach (var (minute, bucket) in Minutes)
        {
            if (minute >= from) peak = Math.Max(peak, bucket.ViewerSampleMax);
        }
        return peak;
    }

    /// <summary>Likes, comments and shares of the minutes from <paramref name="from"/> up to, not including, <paramref name="to"/>.</summary>
    internal long InteractionsBetween(long from, long to)
    {
        if (to <= from) return 0;
        var interactions = Sealed?.Sum(from, to - 1).Interactions ?? 0;
        foreach (var (minute, bucket) in Minutes)
        {
            if (minute >= from && minute < to) interactions += bucket.Interactions;
        }
        return interactions;
    }

    /// <summary>
    /// The bucket of <paramref name="minute"/>, or null when nothing happened in it. A sealed minute's is decoded afresh,
    /// with what late events added since; changing it changes nothing in the rollup.
    /// </summary>
    internal MinuteBucket? BucketAt(long minute)
    {
        Minutes.TryGetValue(minute, out var open);
        if (Sealed is not { } sealedMinutes || minute < sealedMinutes.First || minute > sealedMinutes.Last) return open;
        var bucket = sealedMinutes.Read(minute);
        if (bucket is null) return open;
        if (open is not null) bucket.Merge(open);
        return bucket;
    }

    /// <summary>
    /// Every bucket, open and sealed, in no particular order: for sums. A sealed minute that a late event reached comes
    /// twice, as its record and as the bucket of what came after; their sum is the minute's.
    /// </summary>
    internal IEnumerable<(long Minute, MinuteBucket Bucket)> EveryBucket()
    {
        foreach (var (minute, bucket) in Minutes) yield return (minute, bucket);
        if (Sealed is null) yield break;
        foreach (var sealedMinute in Sealed.All()) yield return sealedMinute;
    }

    /// <summary>The buckets of the minutes before <paramref name="minute"/>, as <see cref="EveryBucket"/> gives them: for sums.</summary>
    internal IEnumerable<MinuteBucket> BucketsBefore(long minute)
    {
        foreach (var (at, bucket) in Minutes)
        {
            if (at < minute) yield return bucket;
        }
        // Sealed records come in minute order, and are rarely before a LIVE's timeline: most calls decode none.
        if (Sealed is null || Sealed.First >= minute) yield break;
        foreach (var (at, bucket) in Sealed.All())
        {
            if (at >= minute) yield break;
            yield return bucket;
        }
    }

    /// <summary>True once any event was accepted.</summary>
    public bool HasData => EventCount > 0;

    /// <summary>When the LIVE started: its live_started event, or the earliest event seen until that arrives.</summary>
    public DateTimeOffset Start => StartedAt ?? FirstEventAt ?? DateTimeOffset.MinValue;

    /// <summary>Live until an end (or suspension) is known.</summary>
    public LiveStatus Status => EndedAt is null ? LiveStatus.Live
        : EndReason == LiveEndReason.Suspended ? LiveStatus.Suspended : LiveStatus.Ended;

    /// <summary>
    /// Applies one event that already passed <see cref="EventValidator"/> and belongs to this LIVE.
    /// </summary>
    public ApplyOutcome Apply(LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (SeenEventIds is not null) AdoptSeenEventIds();
        switch (EventIds.Check(e.EventId, e.OccurredAt))
        {
            case DedupeCheck.Seen:
                return ApplyOutcome.Duplicate;
            case DedupeCheck.BeforeWindow when e.Data is not (OrderPaid or OrderRefunded or ViolationRecorded):
                // Counting it could count a retry twice. Orders, refunds and violations are told apart by their own ids.
                return ApplyOutcome.Reject($"occurredAt {e.OccurredAt:O} is before this LIVE's dedupe window, which starts at " +
                    $"{EventIds.Start:O} ({EventIds.Length.TotalMinutes:0.#} minutes before its newest events): whether it was " +
                    "already counted cannot be told. Only orders, refunds and violations, which carry ids of their own, are accepted that late");
        }
        var minute = MinuteOf(e.OccurredAt);
        // An event for a minute whose sums are kept (a late one): what it adds to the minute's counters is added to the sums
        // too, rather than making the next read start over; a viewer sample changes the viewer-seconds after it, and does.
        var late = _closed is { } closed && closed.Covers(minute) ? CountsOf(minute) : null;
        var outcome = ApplyData(e, minute);
        if (late is not null) _closed!.Late(e.Data is ViewerCountSampled, late, Minutes.GetValueOrDefault(minute));
        if (outcome.Kind != ApplyKind.Rejected)
        {
            // An order counted under another event id is still remembered by this id, so its retries are duplicates too.
            EventIds.Add(e.EventId, e.OccurredAt);
        }
        if (outcome.Kind == ApplyKind.Accepted)
        {
            EventCount++;
            LiveId ??= e.LiveId;
            CreatorId ??= e.CreatorId;
            if (FirstEventAt is null || e.OccurredAt < FirstEventAt) FirstEventAt = e.OccurredAt;
        }
        return outcome;
    }

    /// <summary>Moves what a checkpoint of an older layout holds into the fields that replaced it; a no-op for a current one.</summary>
    public void AdoptOlderLayout()
    {
        AdoptOlderComments();
        if (Regions is not null)
        {
            // Largest first, so that a checkpoint somehow holding more regions than are kept loses the smallest to "other".
            foreach (var (region, views) in Regions.OrderByDescending(kv => kv.Value)) Viewers.AddRegion(region, views);
            Regions = null;
        }
        if (NamedGenders is null && NamedAgeBands is null && NamedFollowers is null && NamedTrafficSources is null) return;
        Viewers.AddNamed(NamedGenders, NamedAgeBands, NamedFollowers, NamedTrafficSources);
        NamedGenders = NamedAgeBands = NamedFollowers = NamedTrafficSources = null;
    }

    private void AdoptSeenEventIds()
    {
        var newest = new[] { StartedAt, FirstEventAt, EndedAt, LastOrderAt, (DateTimeOffset?)LatestSampleAt }.Max() ?? DateTimeOffset.MinValue;
        if (BucketRange.Newest != long.MinValue) newest = Max(newest, DateTimeOffset.FromUnixTimeSeconds(BucketRange.Newest * 60));
        EventIds.AdoptAll(SeenEventIds!, newest);
        SeenEventIds = null;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // The counters of the open bucket of `minute` (a sealed minute's record does not change), as they are now.
    private MinuteBucket CountsOf(long minute)
    {
        var counts = new MinuteBucket();
        if (Minutes.TryGetValue(minute, out var bucket)) counts.AddCounts(bucket);
        return counts;
    }

    private ApplyOutcome ApplyData(LiveEvent e, long minute)
    {
        var at = e.OccurredAt;
        switch (e.Data)
        {
            case LiveStarted s:
                StartedAt = StartedAt is null || at < StartedAt ? at : StartedAt;
                Title = s.Title;
                CreatorType = s.CreatorType;
                break;
            case LiveEnded ended:
                End(at, ended.Reason);
                break;
            case ViewerCountSampled v:
                var b = Bucket(minute);
                b.ViewerSampleSum += v.Viewers;
                b.ViewerSamples++;
                b.ViewerSampleMax = Math.Max(b.ViewerSampleMax, v.Viewers);
                if (at >= b.LastSampleAt) (b.LastSample, b.LastSampleAt) = (v.Viewers, at);
                if (at >= LatestSampleAt) (LatestSample, LatestSampleAt) = (v.Viewers, at);
                PeakViewers = Math.Max(PeakViewers, v.Viewers);
                break;
            case ViewerJoined j:
                Bucket(minute).Views++;
                UniqueViewers.Add(j.ViewerId);
                Viewers.Add(j);
                break;
            case ViewerLeft:
                Bucket(minute).Leaves++;
                break;
            case CommentPosted c:
                Bucket(minute).Comments++;
                AddComment(c.ViewerId, c.Nickname, c.Text, at);
                break;
            case LikesReceived l:
                Bucket(minute).Likes += l.Count;
                break;
            case LiveShared:
                Bucket(minute).Shares++;
                break;
            case CreatorFollowed:
                Bucket(minute).NewFollowers++;
                break;
            case LiveImpressions i:
                Bucket(minute).LiveImpressions += i.Count;
                break;
            case ProductImpressions pi:
                Bucket(minute).ProductImpressions += pi.Count;
                Product(pi.ProductId).Impressions += pi.Count;
                break;
            case ProductClicks pc:
                Bucket(minute).ProductClicks += pc.Count;
                Product(pc.ProductId).Clicks += pc.Count;
                break;
            case ProductPinned pin:
                var p = Product(pin.ProductId);
                (p.Name, p.Price, p.Currency, p.ImageUrl) = (SharedStrings.Of(pin.Name), pin.Price, SharedStrings.Of(pin.Currency), SharedStrings.Of(pin.ImageUrl));
                if (at >= PinChangedAt) (PinnedProductId, PinChangedAt) = (SharedStrings.Of(pin.ProductId), at);
                break;
            case ProductUnpinned unpin:
                if (at >= PinChangedAt && PinnedProductId == unpin.ProductId) (PinnedProductId, PinChangedAt) = (null, at);
                break;
            case OrderPaid o:
                return ApplyOrder(o, at, minute);
            case OrderRefunded r:
                return ApplyRefund(r, at, minute);
            case PromotionStarted ps:
                var promo = Promotion(ps.PromotionId);
                (promo.Kind, promo.Details, promo.ProductId) = (ps.Kind, SharedStrings.Of(ps.Details), SharedStrings.Of(ps.ProductId));
                promo.StartedAt = promo.StartedAt is null || at < promo.StartedAt ? at : promo.StartedAt;
                break;
            case PromotionEnded pe:
                var ending = Promotion(pe.PromotionId);
                ending.EndedAt = ending.EndedAt is null || at > ending.EndedAt ? at : ending.EndedAt;
                break;
            case ViolationRecorded v:
                return ApplyViolation(v, at);
            default:
                return ApplyOutcome.Reject($"event type {e.Type} is not handled");
        }
        return ApplyOutcome.Accepted;
    }

    private ApplyOutcome ApplyOrder(OrderPaid o, DateTimeOffset at, long minute)
    {
        if (Currency is not null && o.Currency != Currency)
            return ApplyOutcome.Reject($"data.currency {o.Currency} differs from this LIVE's currency {Currency}");
        if (!PaidOrders.Add(o.OrderId)) return ApplyOutcome.Duplicate;
        Currency ??= SharedStrings.Of(o.Currency);
        var b = Bucket(minute);
        b.Orders++;
        b.ItemsSold += o.Quantity;
        b.Gmv += o.Amount;
        if (o.IsAffiliate) b.AffiliateGmv += o.Amount;
        var p = Product(o.ProductId);
        p.Orders++;
        p.ItemsSold += o.Quantity;
        p.Gmv += o.Amount;
        UniqueBuyers.Add(o.BuyerId);
        if (FirstOrderAt is null || at < FirstOrderAt) FirstOrderAt = at;
        if (LastOrderAt is null || at > LastOrderAt) LastOrderAt = at;
        return ApplyOutcome.Accepted;
    }

    // Its own method: a lambda capturing a variable of the switch in ApplyData made every event, whatever its type,
    // allocate the closure (all switch sections share one scope).
    private ApplyOutcome ApplyViolation(ViolationRecorded v, DateTimeOffset at)
    {
        if (Violations.Any(x => x.ViolationId == v.ViolationId)) return ApplyOutcome.Duplicate;
        Violations.Add(new ViolationView(v.ViolationId, SharedStrings.Of(v.Policy), SharedStrings.Of(v.Reason), v.Points, v.Action, at));
        Violations.Sort((a, b) => b.OccurredAt.CompareTo(a.OccurredAt));
        if (v.Action == ViolationAction.Suspension) End(at, LiveEndReason.Suspended);
        return ApplyOutcome.Accepted;
    }

    private ApplyOutcome ApplyRefund(OrderRefunded r, DateTimeOffset at, long minute)
    {
        if (Currency is not null && r.Currency != Currency)
            return ApplyOutcome.Reject($"data.currency {r.Currency} differs from this LIVE's currency {Currency}");
        if (!RefundedOrders.Add(r.OrderId)) return ApplyOutcome.Duplicate;
        Currency ??= SharedStrings.Of(r.Currency);
        var b = Bucket(minute);
        b.Refunds++;
        b.RefundedAmount += r.Amount;
        Product(r.ProductId).Refunds++;
        return ApplyOutcome.Accepted;
    }

    private void End(DateTimeOffset at, LiveEndReason reason)
    {
        if (EndedAt is null || at < EndedAt) EndedAt = at;
        // A suspension outranks a plain end whichever arrives first: the LIVE was cut off by the platform.
        if (EndReason != LiveEndReason.Suspended) EndReason = reason;
    }

    /// <summary>
    /// The newest <paramref name="count"/> comments (at most <see cref="MaxComments"/>), newest first. Asked again for as
    /// many while no comment came, the same list comes back: a card is built every tick, and most ticks bring none. When
    /// the comments since were all posted after the others, only they are read, and the views kept follow them.
    /// </summary>
    public IReadOnlyList<CommentView> NewestComments(int count)
    {
        AdoptOlderComments();
        if (_newestViews is { } kept && kept.Count == count && kept.Version >= _commentsReordered)
        {
            var added = _commentsVersion - kept.Version;
            if (added == 0) return kept.Views;
            if (added < count)
            {
                var views = new List<CommentView>(Math.Min(count, added + kept.Views.Count));
                Comments.AddNewest(added, views);
                for (var i = 0; i < kept.Views.Count && views.Count < count; i++) views.Add(kept.Views[i]);
                _newestViews = (count, _commentsVersion, views);
                return views;
            }
        }
        var newest = Comments.Newest(count);
        _newestViews = (count, _commentsVersion, newest);
        return newest;
    }

    private void AddComment(string viewerId, string nickname, string text, DateTimeOffset at)
    {
        AdoptOlderComments();
        var after = at.UtcTicks > Comments.NewestTicks;
        if (!Comments.Add(viewerId, nickname, text, at, MaxComments)) return;
        _commentsVersion++;
        if (!after) _commentsReordered = _commentsVersion;
    }

    // Comments of a checkpoint written before the log, newest first, added in that order: a comment goes before those
    // posted at the same instant, so comments posted together keep their order.
    private void AdoptOlderComments()
    {
        if (CommentViews is null && RecentComments is null) return;
        var older = CommentViews ?? [.. RecentComments!.Select(c => c.ToView())];
        (CommentViews, RecentComments) = (null, null);
        foreach (var c in older) Comments.Add(c.ViewerId, c.Nickname, c.Text, c.OccurredAt, MaxComments);
        _commentsReordered = ++_commentsVersion;
    }

    /// <summary>The minute key (minutes since the Unix epoch) of an instant.</summary>
    public static long MinuteOf(DateTimeOffset at)
    {
        // Floor, not truncation, for instants before 1970; a division by a constant, which compiles to a multiplication.
        var seconds = at.ToUnixTimeSeconds();
        return seconds >= 0 ? seconds / 60 : (seconds + 1) / 60 - 1;
    }

    private MinuteBucket Bucket(long minute)
    {
        if (_lastBucket is { } last && _lastBucketMinute == minute) return last;
        if (!Minutes.TryGetValue(minute, out var bucket))
        {
            var (oldest, newest) = BucketRange;
            Minutes[minute] = bucket = new MinuteBucket();
            _bucketRange = (Math.Min(oldest, minute), Math.Max(newest, minute));
            // A new minute at the front: about once a minute, the minute before the open ones is sealed. The attention
            // rules sum sealed ranges once a minute (SealedMinutes.Sum), not each tick.
            if (minute > newest) SealBefore(minute - OpenMinutes + 1);
        }
        (_lastBucket, _lastBucketMinute) = (bucket, minute);
        return bucket;
    }

    // Moves the buckets of minutes before `cut` (and after the last sealed) into the sealed stream. An event that comes
    // later for one of them gets a bucket of its own in Minutes, which readers add to the record (BucketAt).
    private void SealBefore(long cut)
    {
        var from = Sealed is { Count: > 0 } s ? s.Last + 1 : long.MinValue;
        List<long>? sealable = null;
        foreach (var minute in Minutes.Keys)
        {
            if (minute >= from && minute < cut) (sealable ??= []).Add(minute);
        }
        if (sealable is null) return;
        // The last bucket used may be among those sealed: no event may land in a bucket the rollup no longer holds.
        _lastBucket = null;
        sealable.Sort();
        Sealed ??= new SealedMinutes();
        foreach (var minute in sealable)
        {
            Sealed.Append(minute, Minutes[minute]);
            Minutes.Remove(minute);
        }
    }

    private ProductState Product(string id)
    {
        if (!Products.TryGetValue(id, out var p)) Products[SharedStrings.Of(id)] = p = new ProductState();
        return p;
    }

    private PromotionState Promotion(string id)
    {
        if (!Promotions.TryGetValue(id, out var p)) Promotions[id] = p = new PromotionState();
        return p;
    }
}
