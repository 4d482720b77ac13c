namespace LiveGrains.LoadGen.Dashboards;

/// <summary>
/// What a load dashboard binds the <c>SubscribeAgency</c> snapshot to: only the count. The snapshot is the page a real
/// dashboard renders first; the load generator needs to know the call succeeded, not the cards.
/// </summary>
/// <param name="TotalOngoing">LIVEs on air for the agency when it subscribed.</param>
public sealed record SubscribeAck(int TotalOngoing);
