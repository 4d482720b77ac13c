namespace LiveGrains.Contracts.Streams;

/// <summary>Names of the Orleans streams LiveGrains publishes on; the provider is configured under <see cref="Provider"/>.</summary>
public static class LiveStreams
{
    /// <summary>Stream provider name, in silos and clients alike.</summary>
    public const string Provider = "live";

    /// <summary>Namespace of per-agency card batches (<see cref="AgencyCardsChanged"/>), keyed by agency id.</summary>
    public const string AgencyNamespace = "agency";

    /// <summary>Namespace of per-LIVE detail updates (<see cref="LiveDetailUpdate"/>), keyed by LIVE id.</summary>
    public const string LiveNamespace = "live";

    /// <summary>The agency stream id.</summary>
    public static StreamId ForAgency(string agencyId) => StreamId.Create(AgencyNamespace, agencyId);

    /// <summary>The LIVE stream id.</summary>
    public static StreamId ForLive(string liveId) => StreamId.Create(LiveNamespace, liveId);
}
