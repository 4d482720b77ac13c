using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.Streams;

/// <summary>
/// Card changes waiting to be sent, merged: the latest card of each LIVE and the LIVEs that ended, a LIVE in at most one
/// of the two, whichever came last. Not thread-safe: its owner changes and takes it under its own lock.
/// </summary>
public sealed class PendingCardChanges
{
    private readonly Dictionary<string, LiveCard> _cards = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);

    /// <summary>True when nothing waits.</summary>
    public bool IsEmpty => _cards.Count == 0 && _ended.Count == 0;

    /// <summary>A LIVE's newer card; a card computed before the one held (overtaken on the way) is ignored.</summary>
    public void Changed(LiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _ended.Remove(card.LiveId);
        if (!_cards.TryGetValue(card.LiveId, out var held) || held.UpdatedAt <= card.UpdatedAt) _cards[card.LiveId] = card;
    }

    /// <summary>A LIVE that left the ongoing index.</summary>
    public void Ended(string liveId)
    {
        _cards.Remove(liveId);
        _ended.Add(liveId);
    }

    /// <summary>Everything waiting, which is then cleared.</summary>
    public (LiveCard[] Cards, string[] Ended) Take()
    {
        var taken = (_cards.Values.ToArray(), _ended.ToArray());
        _cards.Clear();
        _ended.Clear();
        return taken;
    }
}
