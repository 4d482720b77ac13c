using LiveGrains.Contracts.Grains;
using LiveGrains.Web.Apis;
using LiveGrains.Web.Auth;
using LiveGrains.Web.Observability;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Views;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrains.Web.Hubs;

/// <summary>
/// The live feed of the dashboards. A subscription first joins the group and the stream, then answers with a
/// snapshot, so no update can fall between the two; a client keeps the newest card per LIVE by
/// <see cref="LiveCard.UpdatedAt"/>. Server messages: <c>CardsChanged</c> (agency) and <c>LiveUpdated</c> (LIVE).
/// </summary>
public sealed class LiveHub(IGrainFactory grains, ILiveHistoryStore history, LiveFeedSubscriptions subscriptions, LiveMetrics metrics) : Hub
{
    /// <summary>Watches an agency's ongoing LIVEs; returns the current page (no filter, latest first).</summary>
    public async Task<OngoingLives> SubscribeAgency(string agencyId)
    {
        if (!Context.User!.CanReach(agencyId)) throw new HubException($"This token cannot reach agency '{agencyId}'.");
        await subscriptions.Watch(Context.ConnectionId, LiveFeedKey.Agency(agencyId), Context.ConnectionAborted);
        return await grains.GetGrain<IAgencyGrain>(agencyId).GetOngoing(OngoingQuery.Default);
    }

    /// <summary>Stops watching an agency.</summary>
    public Task UnsubscribeAgency(string agencyId) => subscriptions.Unwatch(Context.ConnectionId, LiveFeedKey.Agency(agencyId));

    /// <summary>Watches one LIVE's dashboard; returns it now (null, and nothing watched, when the LIVE is unknown).</summary>
    public async Task<LiveDashboard?> SubscribeLive(string liveId)
    {
        // Check before watching: the snapshot names the LIVE's agency, and a foreign LIVE must not be streamed.
        // An unknown LIVE is not watched: whose it will be is not known yet.
        var dashboard = await LivesApi.Find(liveId, grains, history, Context.ConnectionAborted);
        if (dashboard is null) return null;
        if (!Context.User!.CanReach(dashboard.Card.AgencyId)) throw new HubException($"LIVE '{liveId}' belongs to another agency.");
        await subscriptions.Watch(Context.ConnectionId, LiveFeedKey.Live(liveId), Context.ConnectionAborted);
        // Read again after joining the feed, so nothing published in between is missed.
        return await LivesApi.Find(liveId, grains, history, Context.ConnectionAborted);
    }

    /// <summary>Stops watching a LIVE.</summary>
    public Task UnsubscribeLive(string liveId) => subscriptions.Unwatch(Context.ConnectionId, LiveFeedKey.Live(liveId));

    /// <inheritdoc />
    public override Task OnConnectedAsync()
    {
        metrics.DashboardConnections(+1);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.DashboardConnections(-1);
        return subscriptions.UnwatchAll(Context.ConnectionId);
    }
}
