using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Views;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrains.Web.Hubs;

/// <summary>
/// The live feed of the dashboards. A subscription first joins the group and the stream, then answers with a
/// snapshot, so no update can fall between the two; a client keeps the newest card per LIVE by
/// <see cref="LiveCard.UpdatedAt"/>. Server messages: <c>CardsChanged</c> (agency) and <c>LiveUpdated</c> (LIVE).
/// </summary>
public sealed class LiveHub(IGrainFactory grains, ILiveHistoryStore history, LiveFeedSubscriptions subscriptions) : Hub
{
    /// <summary>Watches an agency's ongoing LIVEs; returns the current page (no filter, latest first).</summary>
    public async Task<OngoingLives> SubscribeAgency(string agencyId)
    {
        await subscriptions.Watch(Context.ConnectionId, LiveFeedKey.Agency(agencyId), Context.ConnectionAborted);
        return await grains.GetGrain<IAgencyGrain>(agencyId).GetOngoing(OngoingQuery.Default);
    }

    /// <summary>Stops watching an agency.</summary>
    public Task UnsubscribeAgency(string agencyId) => subscriptions.Unwatch(Context.ConnectionId, LiveFeedKey.Agency(agencyId));

    /// <summary>Watches one LIVE's dashboard; returns it now (null when the LIVE is unknown).</summary>
    public async Task<LiveDashboard?> SubscribeLive(string liveId)
    {
        await subscriptions.Watch(Context.ConnectionId, LiveFeedKey.Live(liveId), Context.ConnectionAborted);
        return await grains.GetGrain<ILiveSessionGrain>(liveId).GetDashboard()
            ?? await history.GetDashboardAsync(liveId, Context.ConnectionAborted);
    }

    /// <summary>Stops watching a LIVE.</summary>
    public Task UnsubscribeLive(string liveId) => subscriptions.Unwatch(Context.ConnectionId, LiveFeedKey.Live(liveId));

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception) => subscriptions.UnwatchAll(Context.ConnectionId);
}
