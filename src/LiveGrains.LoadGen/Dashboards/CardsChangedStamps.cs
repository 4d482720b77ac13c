namespace LiveGrains.LoadGen.Dashboards;

/// <summary>The parts of the hub's <c>CardsChanged</c> message (an <c>AgencyCardsChanged</c>) that the latency measurement reads.</summary>
/// <param name="AgencyId">Agency of the batch.</param>
/// <param name="Changed">Cards that changed, reduced to their stamps.</param>
/// <param name="Ended">LIVEs that left the agency's ongoing index.</param>
/// <param name="At">When the agency grain published the batch.</param>
public sealed record CardsChangedStamps(string AgencyId, IReadOnlyList<CardStamp> Changed, IReadOnlyList<string> Ended, DateTimeOffset At);
