using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Hosting;

namespace LiveGrains.Grains.Creators;

/// <summary>
/// A creator: profile, agency binding (the creator owns it and tells agencies and the directory) and the LIVE on air.
/// Its state is written first and is the truth; the directory follows it. Every directory write is idempotent and a
/// command repeats it even when the state did not change, so a call retried after a failure brings the directory in line.
/// </summary>
public sealed class CreatorGrain(
    [PersistentState(StorageNames.CreatorState, StorageNames.Grains)] IPersistentState<CreatorState> store,
    ICreatorDirectory directory,
    TimeProvider clock) : Grain, ICreatorGrain
{
    /// <summary>Longest display name accepted.</summary>
    public const int MaxNameLength = 100;

    private CreatorState State => store.State;
    private string CreatorId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<OperationResult> SetProfile(string name, string? avatarUrl, CreatorType creatorType)
    {
        if (string.IsNullOrWhiteSpace(name)) return OperationResult.Fail(ErrorKind.Invalid, "name is required");
        if (name.Length > MaxNameLength) return OperationResult.Fail(ErrorKind.Invalid, $"name is longer than {MaxNameLength} characters");
        var trimmed = name.Trim();
        // An unchanged profile is not written again: the state in memory is what storage holds (a failed write reloads it).
        if ((State.Name, State.AvatarUrl, State.CreatorType) != (trimmed, avatarUrl, creatorType))
        {
            (State.Name, State.AvatarUrl, State.CreatorType) = (trimmed, avatarUrl, creatorType);
            await store.WriteOrReloadAsync(this);
        }
        await directory.UpsertCreatorAsync(CreatorId, trimmed, avatarUrl, creatorType, CancellationToken.None);
        await TellAgencyAndLive();
        return OperationResult.Ok;
    }

    /// <inheritdoc />
    public Task<CreatorProfile> GetProfile() => Task.FromResult(Profile());

    /// <inheritdoc />
    public async Task<OperationResult> BindAgency(string agencyId)
    {
        if (string.IsNullOrWhiteSpace(agencyId)) return OperationResult.Fail(ErrorKind.Invalid, "agencyId is required");
        if (State.AgencyId != agencyId)
        {
            if (State.AgencyId is { } previous) await GrainFactory.GetGrain<IAgencyGrain>(previous).CreatorUnbound(CreatorId);
            State.AgencyId = agencyId;
            await store.WriteOrReloadAsync(this);
        }
        await directory.BindCreatorAsync(CreatorId, agencyId, clock.GetUtcNow(), CancellationToken.None);
        await TellAgencyAndLive();
        return OperationResult.Ok;
    }

    /// <inheritdoc />
    public async Task<OperationResult> UnbindAgency(string agencyId)
    {
        if (State.AgencyId != agencyId)
        {
            // Not bound there, so the directory must not say so either (a no-op unless an earlier unbind failed half-way).
            await directory.UnbindCreatorAsync(CreatorId, agencyId, clock.GetUtcNow(), CancellationToken.None);
            return OperationResult.Fail(ErrorKind.NotFound, $"Creator '{CreatorId}' is not bound to agency '{agencyId}'.");
        }
        State.AgencyId = null;
        await store.WriteOrReloadAsync(this);
        await directory.UnbindCreatorAsync(CreatorId, agencyId, clock.GetUtcNow(), CancellationToken.None);
        await GrainFactory.GetGrain<IAgencyGrain>(agencyId).CreatorUnbound(CreatorId);
        TellCurrentLive();
        return OperationResult.Ok;
    }

    /// <inheritdoc />
    public async Task<CreatorProfile> GoOnAir(string liveId)
    {
        if (State.CurrentLiveId != liveId) await SetCurrentLive(liveId);
        return Profile();
    }

    /// <inheritdoc />
    public async Task GoOffAir(string liveId)
    {
        if (State.CurrentLiveId == liveId) await SetCurrentLive(null);
    }

    // Only the creator keeps this: the agency learns of its ongoing LIVEs from their cards, and rewriting its whole state
    // (every bound creator) at each LIVE start and end would cost far more than it tells.
    private Task SetCurrentLive(string? liveId)
    {
        State.CurrentLiveId = liveId;
        return store.WriteOrReloadAsync(this);
    }

    private CreatorProfile Profile() =>
        new(CreatorId, State.Name ?? CreatorId, State.AvatarUrl, State.CreatorType, State.AgencyId, State.CurrentLiveId);

    private async Task TellAgencyAndLive()
    {
        if (State.AgencyId is { } agencyId) await GrainFactory.GetGrain<IAgencyGrain>(agencyId).CreatorBound(Profile());
        TellCurrentLive();
    }

    // Pushed rather than polled: ten thousand LIVEs asking their creators every few seconds cost a busy silo more
    // than every profile change of a day. The LIVE still re-reads now and then, should this notice be lost.
    private void TellCurrentLive()
    {
        if (State.CurrentLiveId is { } liveId) GrainFactory.GetGrain<ILiveSessionGrain>(liveId).CreatorChanged(Profile()).Ignore();
    }
}
