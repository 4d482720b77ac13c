using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>One completed (or ongoing) LIVE as a row of All LIVEs and of the export.</summary>
/// <param name="LiveId">LIVE id.</param>
/// <param name="AgencyId">Agency the creator was bound to.</param>
/// <param name="CreatorId">Creator id.</param>
/// <param name="CreatorName">Creator name.</param>
/// <param name="CreatorType">Seller or affiliate.</param>
/// <param name="Title">LIVE title.</param>
/// <param name="Status">Live, ended or suspended.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="EndedAt">End.</param>
/// <param name="Currency">Currency of money metrics.</param>
/// <param name="Counters">Raw counters.</param>
/// <param name="Metrics">Every catalog metric by key.</param>
[GenerateSerializer, Immutable, Alias("lg.LiveSummary")]
public sealed record LiveSummary(
    [property: Id(0)] string LiveId,
    [property: Id(1)] string? AgencyId,
    [property: Id(2)] string CreatorId,
    [property: Id(3)] string CreatorName,
    [property: Id(4)] CreatorType CreatorType,
    [property: Id(5)] string Title,
    [property: Id(6)] LiveStatus Status,
    [property: Id(7)] DateTimeOffset StartedAt,
    [property: Id(8)] DateTimeOffset? EndedAt,
    [property: Id(9)] string? Currency,
    [property: Id(10)] LiveCounters Counters,
    [property: Id(11)] IReadOnlyDictionary<string, decimal?> Metrics);
