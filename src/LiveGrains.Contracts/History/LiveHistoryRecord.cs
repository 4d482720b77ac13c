using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.History;

/// <summary>What a LIVE leaves behind: its All LIVEs row and its full dashboard (trends, products, promotions, violations, comments).</summary>
/// <param name="Summary">The list row.</param>
/// <param name="Dashboard">The dashboard at the end of the LIVE.</param>
[GenerateSerializer, Immutable, Alias("lg.LiveHistoryRecord")]
public sealed record LiveHistoryRecord([property: Id(0)] LiveSummary Summary, [property: Id(1)] LiveDashboard Dashboard);
