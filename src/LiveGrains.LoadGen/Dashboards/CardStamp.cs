namespace LiveGrains.LoadGen.Dashboards;

/// <summary>
/// The members of a pushed <c>LiveCard</c> the latency measurement needs. Binding only these lets a thousand
/// dashboards in one process skip materialising every metric, comment and product of every card they receive.
/// </summary>
/// <param name="LiveId">LIVE the card belongs to.</param>
/// <param name="UpdatedAt">When the LIVE's grain computed the card (the host's clock, which is this machine's).</param>
/// <param name="Sequence">The LIVE's event-log sequence the card includes.</param>
public sealed record CardStamp(string LiveId, DateTimeOffset UpdatedAt, long Sequence);
