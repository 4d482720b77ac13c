using LiveGrains.Contracts.Streams;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrains.Web.Hubs;

/// <summary>What a connection watches: an agency's cards or one LIVE's detail. Doubles as the SignalR group name.</summary>
/// <param name="Kind">Agency or LIVE.</param>
/// <param name="Id">Agency or LIVE id.</param>
public readonly record struct LiveFeedKey(LiveFeedKind Kind, string Id)
{
    /// <summary>An agency's feed.</summary>
    public static LiveFeedKey Agency(string agencyId) => new(LiveFeedKind.Agency, Required(agencyId, nameof(agencyId)));

    /// <summary>A LIVE's feed.</summary>
    public static LiveFeedKey Live(string liveId) => new(LiveFeedKind.Live, Required(liveId, nameof(liveId)));

    /// <summary>SignalR group of the watchers.</summary>
    public string Group => $"{Kind}:{Id}";

    /// <summary>The Orleans stream the feed forwards.</summary>
    public StreamId Stream => Kind == LiveFeedKind.Agency ? LiveStreams.ForAgency(Id) : LiveStreams.ForLive(Id);

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new HubException($"{name} is required") : value;
}

/// <summary>Kinds of <see cref="LiveFeedKey"/>.</summary>
public enum LiveFeedKind { Agency, Live }
