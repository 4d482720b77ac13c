using LiveGrains.Contracts.Views;
using Orleans.Concurrency;

namespace LiveGrains.Contracts.Grains;

/// <summary>
/// An agency, keyed by agency id: bound creators, the ongoing index (latest card per LIVE), pins and
/// preferences. Serves the Ongoing LIVEs page in one call and, while watched, publishes batched card changes on its
/// stream.
/// </summary>
public interface IAgencyGrain : IWatchableGrain
{
    /// <summary>Creates the agency or renames it.</summary>
    Task<AgencyInfo> Rename(string name);

    /// <summary>Name and creator count.</summary>
    [ReadOnly] Task<AgencyInfo> GetInfo();

    /// <summary>Called by a creator grain when it binds to or updates its profile under this agency.</summary>
    Task CreatorBound(CreatorProfile creator);

    /// <summary>Called by a creator grain when it leaves this agency.</summary>
    Task CreatorUnbound(string creatorId);

    /// <summary>
    /// Called by a silo's card relay with the latest cards of its LIVEs that changed (each at most once a second) and
    /// the LIVEs that ended, which leave the ongoing index and any pin. Returns the thresholds the LIVEs use for their
    /// attention rules, so they travel without another call.
    /// </summary>
    Task<AttentionThresholds> ApplyCards(IReadOnlyList<LiveCard> cards, IReadOnlyList<string> ended);

    /// <summary>The Ongoing LIVEs page: filtered, sorted, pinned first.</summary>
    [ReadOnly] Task<OngoingLives> GetOngoing(OngoingQuery query);

    /// <summary>Pins an ongoing LIVE of this agency; a fourth pin is refused with <see cref="ErrorKind.Conflict"/>.</summary>
    Task<OperationResult> Pin(string liveId);

    /// <summary>Removes a pin (unpinning a LIVE that is not pinned is not an error).</summary>
    Task<OperationResult> Unpin(string liveId);

    /// <summary>Card and list metrics and thresholds.</summary>
    [ReadOnly] Task<AgencyPreferences> GetPreferences();

    /// <summary>Replaces the preferences; each metric list is checked against the catalog (at most 9, known keys).</summary>
    Task<OperationResult> SetPreferences(AgencyPreferences preferences);
}
