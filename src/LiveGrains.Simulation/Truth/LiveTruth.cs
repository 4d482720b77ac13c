using LiveGrains.Contracts.Events;

namespace LiveGrains.Simulation.Truth;

/// <summary>
/// The running truth of one LIVE. It applies the same dedupe rules as the LIVE grain (first event id wins; a second
/// event for an already counted order, refund or violation is a duplicate but its event id is remembered; an order in
/// another currency than the LIVE's first one is rejected and forgotten) without sharing its code, so a bug in
/// either one shows up as a difference.
/// </summary>
internal sealed class LiveTruth(string liveId)
{
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refunds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _violations = new(StringComparer.Ordinal);
    private string? _currency;
    private bool _ended;
    private long _accepted, _duplicates, _rejected, _orderCount, _items, _gmv, _affiliateGmv, _refundCount, _refunded, _views,
        _comments, _likes, _shares, _followers, _liveImpressions, _productImpressions, _clicks, _peak;

    public long Rejected => _rejected;

    public EventOutcome Apply(LiveEvent e)
    {
        if (_eventIds.Contains(e.EventId)) return Count(EventOutcome.Duplicate);
        var outcome = ApplyData(e.Data);
        if (outcome != EventOutcome.Rejected) _eventIds.Add(e.EventId);
        return Count(outcome);
    }

    public LiveTotals Totals() => new(liveId, _accepted, _duplicates, _orderCount, _items, _gmv, _affiliateGmv, _refundCount, _refunded,
        _views, _comments, _likes, _shares, _followers, _liveImpressions, _productImpressions, _clicks, _violations.Count, _peak, _ended);

    private EventOutcome Count(EventOutcome outcome)
    {
        switch (outcome)
        {
            case EventOutcome.Accepted: _accepted++; break;
            case EventOutcome.Duplicate: _duplicates++; break;
            default: _rejected++; break;
        }
        return outcome;
    }

    private EventOutcome ApplyData(LiveEventData data)
    {
        switch (data)
        {
            case OrderPaid o:
                if (_currency is not null && o.Currency != _currency) return EventOutcome.Rejected;
                if (!_orders.Add(o.OrderId)) return EventOutcome.Duplicate;
                _currency ??= o.Currency;
                _orderCount++;
                _items += o.Quantity;
                _gmv += LiveTotals.Cents(o.Amount);
                if (o.IsAffiliate) _affiliateGmv += LiveTotals.Cents(o.Amount);
                break;
            case OrderRefunded r:
                if (_currency is not null && r.Currency != _currency) return EventOutcome.Rejected;
                if (!_refunds.Add(r.OrderId)) return EventOutcome.Duplicate;
                _currency ??= r.Currency;
                _refundCount++;
                _refunded += LiveTotals.Cents(r.Amount);
                break;
            case ViolationRecorded v:
                if (!_violations.Add(v.ViolationId)) return EventOutcome.Duplicate;
                _ended |= v.Action == ViolationAction.Suspension;
                break;
            case LiveEnded: _ended = true; break;
            case ViewerJoined: _views++; break;
            case CommentPosted: _comments++; break;
            case LikesReceived l: _likes += l.Count; break;
            case LiveShared: _shares++; break;
            case CreatorFollowed: _followers++; break;
            case LiveImpressions i: _liveImpressions += i.Count; break;
            case ProductImpressions pi: _productImpressions += pi.Count; break;
            case ProductClicks pc: _clicks += pc.Count; break;
            case ViewerCountSampled s: _peak = Math.Max(_peak, s.Viewers); break;
        }
        return EventOutcome.Accepted;
    }
}
