using LiveGrains.Contracts.Events;

namespace LiveGrains.Contracts.EventLog;

/// <summary>
/// Events of one LIVE accepted in one call, in acceptance order: they take the sequence numbers
/// <see cref="FirstSequence"/>, <see cref="FirstSequence"/> + 1, and so on. A value rather than a sequence-numbered
/// wrapper per event: appends run for every call that accepted anything, and a batch accepted whole is appended as the
/// very list the caller sent.
/// </summary>
/// <param name="FirstSequence">Sequence number of the first of <paramref name="Events"/>.</param>
/// <param name="Events">The accepted envelopes.</param>
public readonly record struct SequencedEvents(long FirstSequence, IReadOnlyList<LiveEvent> Events)
{
    /// <summary>Each event with its sequence number.</summary>
    public IEnumerable<LoggedEvent> Logged()
    {
        var first = FirstSequence;
        return Events.Select((e, i) => new LoggedEvent(first + i, e));
    }
}
