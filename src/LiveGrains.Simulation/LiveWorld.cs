using LiveGrains.Contracts.Events;

namespace LiveGrains.Simulation;

/// <summary>
/// A deterministic world of agencies, creators and LIVEs that produces realistic event streams: Poisson
/// arrivals of viewers, comments, likes, clicks and orders scaled by each LIVE's popularity, with pins,
/// promotions, refunds, the odd violation, and LIVEs starting and ending. The embedded demo and the
/// load generator both drive it; the same seed gives the same events for the same steps.
/// </summary>
public sealed class LiveWorld
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);
    private readonly SimulationOptions _options;
    private readonly Random _random;
    private readonly Dictionary<string, SimLive> _onAir = [];
    private readonly HashSet<string> _busyCreators = [];
    private long _nextLive;
    private bool _warm;

    /// <summary>Builds the agencies and creators of the world.</summary>
    public LiveWorld(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = new Random(options.Seed);
        _nextLive = 7_300_000_000_000_000_000L + options.Seed * 1_000_000_000L;
        Agencies = Enumerable.Range(0, options.Agencies)
            .Select(i => new SimAgency($"agency-{i + 1}", i < Catalog.AgencyNames.Length ? Catalog.AgencyNames[i] : $"Agency {i + 1}"))
            .ToList();
        Creators = Agencies.SelectMany((a, ai) => Enumerable.Range(0, options.CreatorsPerAgency).Select(ci =>
        {
            var n = ai * options.CreatorsPerAgency + ci;
            var name = $"{Catalog.FirstNames[n % Catalog.FirstNames.Length]} {Catalog.Handles[n / Catalog.FirstNames.Length % Catalog.Handles.Length]}";
            if (n >= Catalog.FirstNames.Length * Catalog.Handles.Length) name += $" {n}";
            return new SimCreator($"creator-{n + 1}", name, _random.NextDouble() < 0.6 ? CreatorType.Affiliate : CreatorType.Seller, a.AgencyId);
        })).ToList();
    }

    /// <summary>The agencies.</summary>
    public IReadOnlyList<SimAgency> Agencies { get; }

    /// <summary>The creators, each bound to one agency.</summary>
    public IReadOnlyList<SimCreator> Creators { get; }

    /// <summary>LIVEs on air now.</summary>
    public int OnAirCount => _onAir.Count;

    /// <summary>
    /// Completed LIVEs of the past days, each as its full list of events, for history at start-up.
    /// They are simulated in coarse steps; their ids never collide with live ones.
    /// </summary>
    public IEnumerable<IReadOnlyList<LiveEvent>> History(DateTimeOffset now)
    {
        foreach (var creator in Creators)
        {
            for (var i = 0; i < _options.HistoryPerCreator; i++)
            {
                var start = now.AddDays(-1 - i * 2 - _random.NextDouble()).AddHours(-_random.Next(0, 6));
                var live = NewLive(creator, start, minutes: _random.Next(_options.MinLiveMinutes, Math.Max(_options.MinLiveMinutes + 1, _options.MaxLiveMinutes / 2)));
                var events = new List<LiveEvent>();
                Begin(live, events);
                for (var t = start; !live.Ended; t += TimeSpan.FromSeconds(10)) Advance(live, t + TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), events);
                yield return events;
            }
        }
    }

    /// <summary>
    /// Moves the world forward to <paramref name="now"/> by <paramref name="step"/>: LIVEs on air produce
    /// events, LIVEs past their planned end end, and new LIVEs start to keep the target concurrency. On the
    /// first call, LIVEs start up to 40 minutes in the past and their past is simulated, so the world looks lived-in.
    /// </summary>
    public List<LiveEvent> Step(DateTimeOffset now, TimeSpan step)
    {
        var events = new List<LiveEvent>();
        var target = Math.Min(_options.ConcurrentLives, Creators.Count);
        var warmStart = !_warm && _options.WarmStart;
        _warm = true;
        while (_onAir.Count < target)
        {
            var free = Creators.Where(c => !_busyCreators.Contains(c.CreatorId)).ToList();
            if (free.Count == 0) break;
            var creator = free[_random.Next(free.Count)];
            var start = warmStart ? now.AddMinutes(-_random.Next(1, 40)) : now - step;
            var live = NewLive(creator, start, _random.Next(_options.MinLiveMinutes, _options.MaxLiveMinutes + 1));
            _onAir[live.LiveId] = live;
            _busyCreators.Add(creator.CreatorId);
            Begin(live, events);
            for (var t = start + TimeSpan.FromSeconds(10); t < now - step; t += TimeSpan.FromSeconds(10))
                Advance(live, t, TimeSpan.FromSeconds(10), events);
        }
        foreach (var live in _onAir.Values.ToList())
        {
            Advance(live, now, step, events);
            if (!live.Ended) continue;
            _onAir.Remove(live.LiveId);
            _busyCreators.Remove(live.Creator.CreatorId);
        }
        return events;
    }

    private SimLive NewLive(SimCreator creator, DateTimeOffset start, int minutes)
    {
        var popularity = 0.4 + _random.NextDouble() * 3.6;
        // A quarter of LIVEs lose their audience over time, which is what the attention rules are for.
        var trend = _random.NextDouble() < 0.25 ? -0.015 - _random.NextDouble() * 0.02 : _random.NextDouble() * 0.01;
        var live = new SimLive((++_nextLive).ToString(System.Globalization.CultureInfo.InvariantCulture), creator, start, start.AddMinutes(minutes), popularity, trend);
        foreach (var index in Enumerable.Range(0, Catalog.Products.Length).OrderBy(_ => _random.Next()).Take(_random.Next(3, 7)))
        {
            live.Products.Add(($"p{index + 1}", Catalog.Products[index].Name, Catalog.Products[index].Price));
        }
        live.NextSampleAt = start;
        return live;
    }

    private void Begin(SimLive live, List<LiveEvent> events)
    {
        var titles = new[] { "Weekend deals", "New arrivals", "Flash Friday", "Try-on haul", "Kitchen live", "Q&A and giveaways" };
        Emit(live, live.StartedAt, new LiveStarted($"{titles[_random.Next(titles.Length)]} with {live.Creator.Name.Split(' ')[0]}", live.Creator.Type), events);
        Pin(live, live.StartedAt, 0, events);
    }

    private void Advance(SimLive live, DateTimeOffset now, TimeSpan step, List<LiveEvent> events)
    {
        if (live.Ended) return;
        var from = now - step;
        if (now >= live.EndsAt)
        {
            Emit(live, live.EndsAt, new LiveEnded(LiveEndReason.Ended), events);
            live.Ended = true;
            return;
        }
        var seconds = step.TotalSeconds * _options.RateScale;
        var p = live.PopularityAt(now);
        DateTimeOffset At() => from + TimeSpan.FromMilliseconds(_random.NextDouble() * step.TotalMilliseconds);

        for (var i = Poisson.Sample(_random, 0.6 * p * seconds); i > 0; i--) Join(live, At(), events);
        for (var i = Poisson.Sample(_random, live.Present.Count / 240.0 * seconds * (p < live.Popularity ? 1.6 : 1)); i > 0 && live.Present.Count > 0; i--)
        {
            var index = _random.Next(live.Present.Count);
            var viewer = live.Present[index];
            live.Present[index] = live.Present[^1];
            live.Present.RemoveAt(live.Present.Count - 1);
            Emit(live, At(), new ViewerLeft(viewer), events);
        }
        while (live.NextSampleAt <= now)
        {
            Emit(live, live.NextSampleAt, new ViewerCountSampled(live.Present.Count), events);
            Emit(live, live.NextSampleAt, new LiveImpressions(Poisson.Sample(_random, 30 * p * _options.RateScale)), events);
            if (live.PinnedIndex >= 0 && live.Present.Count > 0)
                Emit(live, live.NextSampleAt, new ProductImpressions(live.Products[live.PinnedIndex].ProductId, Poisson.Sample(_random, live.Present.Count * 0.3)), events);
            live.NextSampleAt += SampleEvery;
        }
        for (var i = Poisson.Sample(_random, 0.12 * p * seconds); i > 0 && live.Present.Count > 0; i--)
        {
            var viewer = live.Present[_random.Next(live.Present.Count)];
            Emit(live, At(), new CommentPosted(viewer, Nickname(viewer), Catalog.Comments[_random.Next(Catalog.Comments.Length)]), events);
        }
        for (var i = Poisson.Sample(_random, 0.5 * p * p * seconds / 2); i > 0; i--) Emit(live, At(), new LikesReceived(1 + Poisson.Sample(_random, 4)), events);
        for (var i = Poisson.Sample(_random, 0.01 * p * seconds); i > 0 && live.Present.Count > 0; i--)
            Emit(live, At(), new LiveShared(live.Present[_random.Next(live.Present.Count)]), events);
        for (var i = Poisson.Sample(_random, 0.015 * p * seconds); i > 0 && live.Present.Count > 0; i--)
            Emit(live, At(), new CreatorFollowed(live.Present[_random.Next(live.Present.Count)]), events);
        for (var i = Poisson.Sample(_random, 0.05 * p * seconds); i > 0; i--)
            Emit(live, At(), new ProductClicks(ProductFor(live).ProductId, 1), events);
        for (var i = Poisson.Sample(_random, 0.012 * p * seconds); i > 0 && live.Present.Count > 0; i--) Order(live, At(), events);
        foreach (var refund in live.PendingRefunds.Where(r => r.Due <= now).ToList())
        {
            live.PendingRefunds.Remove(refund);
            Emit(live, refund.Due, new OrderRefunded(refund.OrderId, refund.ProductId, 1, refund.Amount, "USD", refund.Affiliate), events);
        }
        if (_random.NextDouble() < step.TotalSeconds / 180) Pin(live, At(), _random.Next(live.Products.Count), events);
        Promotions(live, now, step, events);
        if (_random.NextDouble() < step.TotalSeconds / 5400 && live.Violations < 2) Violate(live, At(), events);
    }

    private void Join(SimLive live, DateTimeOffset at, List<LiveEvent> events)
    {
        // One viewer in ten is someone who left earlier and came back: views exceed unique viewers.
        var returning = live.NextViewer > 10 && _random.NextDouble() < 0.1;
        var viewer = $"u{live.LiveId[^6..]}-{(returning ? _random.Next(live.NextViewer) : live.NextViewer++)}";
        if (live.Present.Contains(viewer)) return;
        live.Present.Add(viewer);
        var gender = _random.NextDouble() switch { < 0.62 => Gender.Female, < 0.95 => Gender.Male, _ => Gender.Unknown };
        var age = (AgeBand)Math.Min((int)AgeBand.Unknown, (int)Math.Abs(_random.NextDouble() * 2.2 + _random.NextDouble() * 2.2 - 0.8));
        var source = _random.NextDouble() switch
        {
            < 0.45 => TrafficSource.ForYou, < 0.62 => TrafficSource.Following, < 0.72 => TrafficSource.Search,
            < 0.84 => TrafficSource.ShortVideo, < 0.9 => TrafficSource.ProductPage, < 0.96 => TrafficSource.Profile, _ => TrafficSource.Other,
        };
        Emit(live, at, new ViewerJoined(viewer, gender, age, Catalog.Regions[_random.Next(Catalog.Regions.Length)], _random.NextDouble() < 0.3, source), events);
    }

    private void Order(SimLive live, DateTimeOffset at, List<LiveEvent> events)
    {
        var product = _random.NextDouble() < 0.7 && live.PinnedIndex >= 0 ? live.Products[live.PinnedIndex] : live.Products[_random.Next(live.Products.Count)];
        var quantity = _random.NextDouble() < 0.8 ? 1 : _random.Next(2, 4);
        var price = live.PromotionIsSale && live.PromotionProductId == product.ProductId ? Math.Round(product.Price * 0.7m, 2) : product.Price;
        var amount = price * quantity;
        var affiliate = live.Creator.Type == CreatorType.Affiliate || _random.NextDouble() < 0.15;
        var orderId = $"o{live.LiveId[^8..]}-{++live.NextOrder}";
        Emit(live, at, new OrderPaid(orderId, product.ProductId, live.Present[_random.Next(live.Present.Count)], quantity, amount, "USD", affiliate), events);
        if (_random.NextDouble() < 0.03) live.PendingRefunds.Add((at.AddMinutes(_random.Next(2, 10)), orderId, product.ProductId, amount, affiliate));
    }

    private void Pin(SimLive live, DateTimeOffset at, int index, List<LiveEvent> events)
    {
        if (index == live.PinnedIndex) return;
        if (live.PinnedIndex >= 0) Emit(live, at, new ProductUnpinned(live.Products[live.PinnedIndex].ProductId), events);
        live.PinnedIndex = index;
        var p = live.Products[index];
        Emit(live, at, new ProductPinned(p.ProductId, p.Name, p.Price, "USD", $"/demo/products/{p.ProductId}.svg"), events);
    }

    private void Promotions(SimLive live, DateTimeOffset now, TimeSpan step, List<LiveEvent> events)
    {
        if (live.PromotionId is { } running)
        {
            if (now < live.PromotionEndsAt) return;
            Emit(live, live.PromotionEndsAt, new PromotionEnded(running), events);
            live.PromotionId = null;
            return;
        }
        if (_random.NextDouble() >= step.TotalSeconds / 600) return;
        var kind = (PromotionKind)_random.Next(3);
        var product = live.Products[_random.Next(live.Products.Count)];
        live.PromotionId = $"promo-{live.LiveId[^6..]}-{++live.Promotions}";
        live.PromotionProductId = product.ProductId;
        live.PromotionIsSale = kind == PromotionKind.FlashSale;
        live.PromotionEndsAt = now.AddMinutes(_random.Next(2, 5));
        var details = kind switch
        {
            PromotionKind.FlashSale => $"30% off {product.Name} while stocks last",
            PromotionKind.Giveaway => $"Giveaway: one {product.Name} for a follower who comments",
            _ => "Coupon LIVE10: $10 off orders over $50",
        };
        Emit(live, now - step, new PromotionStarted(live.PromotionId, kind, details, kind == PromotionKind.Coupon ? null : product.ProductId), events);
    }

    private void Violate(SimLive live, DateTimeOffset at, List<LiveEvent> events)
    {
        var (policy, reason) = Catalog.Violations[_random.Next(Catalog.Violations.Length)];
        var suspension = _random.NextDouble() < 0.15;
        Emit(live, at, new ViolationRecorded($"viol-{live.LiveId[^6..]}-{++live.Violations}", policy, reason, suspension ? 12 : 2,
            suspension ? ViolationAction.Suspension : ViolationAction.Warning), events);
        if (!suspension) return;
        Emit(live, at, new LiveEnded(LiveEndReason.Suspended), events);
        live.Ended = true;
    }

    private (string ProductId, string Name, decimal Price) ProductFor(SimLive live) =>
        live.PinnedIndex >= 0 && _random.NextDouble() < 0.6 ? live.Products[live.PinnedIndex] : live.Products[_random.Next(live.Products.Count)];

    private static string Nickname(string viewer) =>
        $"{Catalog.FirstNames[viewer.Sum(c => c) % Catalog.FirstNames.Length].ToLowerInvariant()}_{viewer[^3..]}";

    private static void Emit(SimLive live, DateTimeOffset at, LiveEventData data, List<LiveEvent> events) =>
        events.Add(new LiveEvent($"{live.LiveId}-{++live.NextEvent}", live.LiveId, live.Creator.CreatorId, at, data));
}
