namespace LiveGrains.Grains.Hosting;

/// <summary>Names of the grain storage providers the grains use; hosts register providers under these names.</summary>
public static class StorageNames
{
    /// <summary>Grain state of LIVEs, creators and agencies.</summary>
    public const string Grains = "live-store";

    /// <summary>
    /// State name of <see cref="Creators.CreatorGrain"/>. The ADO.NET storage files state under this name and not the grain
    /// type, so each grain type needs its own; the cluster's directory backfill finds creators by it.
    /// </summary>
    public const string CreatorState = "creator";

    /// <summary>State name of <see cref="Agencies.AgencyGrain"/> (see <see cref="CreatorState"/>).</summary>
    public const string AgencyState = "agency";

    /// <summary>Orleans stream pub-sub state (the name Orleans looks for).</summary>
    public const string PubSub = "PubSubStore";
}
