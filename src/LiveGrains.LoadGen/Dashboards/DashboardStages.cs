namespace LiveGrains.LoadGen.Dashboards;

/// <summary>Where event-to-dashboard time goes after a LIVE computed its card (see <see cref="PushStages"/>).</summary>
/// <param name="RelayP50Ms">Median time from a card's computation to its agency's publish.</param>
/// <param name="RelayP99Ms">99th percentile of the same.</param>
/// <param name="DeliveryP50Ms">Median time from an agency's publish to a dashboard's receipt.</param>
/// <param name="DeliveryP99Ms">99th percentile of the same.</param>
/// <param name="DeliveryMaxMs">Largest publish-to-receipt time.</param>
/// <param name="DeliveryWindows">Publish-to-receipt by window of publish time, in order.</param>
public sealed record DashboardStages(double RelayP50Ms, double RelayP99Ms, double DeliveryP50Ms, double DeliveryP99Ms, double DeliveryMaxMs,
    IReadOnlyList<DashboardWindow> DeliveryWindows);
