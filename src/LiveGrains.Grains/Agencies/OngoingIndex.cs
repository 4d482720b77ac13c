using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Agencies;

/// <summary>Answers the Ongoing LIVEs query over an agency's cards: filter, sort, pinned first.</summary>
public static class OngoingIndex
{
    /// <summary>Cards matching <paramref name="query"/>; pinned ones first in pin order, then the rest in the chosen order.</summary>
    public static List<LiveCard> Query(IEnumerable<LiveCard> cards, IReadOnlyList<string> pins, OngoingQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = cards
            .Select(c => c with { Pinned = pins.Contains(c.LiveId) })
            .Where(c => query.Status switch
            {
                OngoingStatusFilter.InViolation => c.InViolation,
                OngoingStatusFilter.NeedAttention => c.NeedsAttention,
                _ => true,
            })
            .Where(c => query.CreatorType is null || c.CreatorType == query.CreatorType)
            .Where(c => string.IsNullOrWhiteSpace(query.CreatorName)
                || c.CreatorName.Contains(query.CreatorName.Trim(), StringComparison.OrdinalIgnoreCase)
                || c.CreatorId.Equals(query.CreatorName.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();

        var pinned = matching.Where(c => c.Pinned).OrderBy(c => IndexOf(pins, c.LiveId));
        return pinned.Concat(Sort(matching.Where(c => !c.Pinned), query.Sort)).ToList();
    }

    private static IOrderedEnumerable<LiveCard> Sort(IEnumerable<LiveCard> cards, OngoingSort sort)
    {
        var ordered = sort switch
        {
            OngoingSort.Earliest => cards.OrderBy(c => c.StartedAt),
            OngoingSort.AffiliateGmvAsc => cards.OrderBy(AffiliateGmv).ThenByDescending(c => c.StartedAt),
            OngoingSort.AffiliateGmvDesc => cards.OrderByDescending(AffiliateGmv).ThenByDescending(c => c.StartedAt),
            _ => cards.OrderByDescending(c => c.StartedAt),
        };
        // A stable tie-break keeps cards from swapping places between refreshes.
        return ordered.ThenBy(c => c.LiveId, StringComparer.Ordinal);
    }

    private static decimal AffiliateGmv(LiveCard c) => c.Metrics.GetValueOrDefault("affiliate_gmv") ?? 0;

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
