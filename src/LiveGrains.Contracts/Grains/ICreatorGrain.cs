using LiveGrains.Contracts.Views;
using Orleans.Concurrency;

namespace LiveGrains.Contracts.Grains;

/// <summary>A creator (seller or affiliate), keyed by creator id: profile, agency binding and current LIVE.</summary>
public interface ICreatorGrain : IGrainWithStringKey
{
    /// <summary>Sets name, avatar and type; the bound agency is told.</summary>
    Task<OperationResult> SetProfile(string name, string? avatarUrl, Events.CreatorType creatorType);

    /// <summary>The profile (a creator never seen has its id as name).</summary>
    [ReadOnly] Task<CreatorProfile> GetProfile();

    /// <summary>Binds the creator to an agency, moving it from any previous one.</summary>
    Task<OperationResult> BindAgency(string agencyId);

    /// <summary>Removes the creator's agency binding, if it is <paramref name="agencyId"/>.</summary>
    Task<OperationResult> UnbindAgency(string agencyId);

    /// <summary>
    /// Called by a LIVE grain on air: makes it the creator's current LIVE and returns the profile, so that a LIVE
    /// starting learns its creator and claims it in one call.
    /// </summary>
    Task<CreatorProfile> GoOnAir(string liveId);

    /// <summary>Called by a LIVE grain when it ends: the creator has no current LIVE, unless another one claimed it since.</summary>
    Task GoOffAir(string liveId);
}
