using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>The Ongoing LIVEs card of one LIVE: everything the card shows, with every catalog metric so a preference change needs no refetch.</summary>
/// <param name="LiveId">LIVE id.</param>
/// <param name="CreatorId">Creator id.</param>
/// <param name="CreatorName">Creator display name.</param>
/// <param name="CreatorAvatarUrl">Creator avatar.</param>
/// <param name="CreatorType">Seller or affiliate.</param>
/// <param name="AgencyId">Agency the creator is bound to.</param>
/// <param name="Title">LIVE title.</param>
/// <param name="Status">Live, ended or suspended.</param>
/// <param name="StartedAt">Start time.</param>
/// <param name="EndedAt">End time, once ended.</param>
/// <param name="Currency">Currency of money metrics.</param>
/// <param name="Metrics">Every catalog metric by key.</param>
/// <param name="LatestComments">Newest comments, newest first.</param>
/// <param name="PinnedProduct">Product pinned in the room.</param>
/// <param name="Violations">Violations, newest first.</param>
/// <param name="Attention">Why the LIVE needs attention; empty when it does not.</param>
/// <param name="UpdatedAt">When this card was computed.</param>
/// <param name="Pinned">Pinned by the agency (set when the agency answers a query).</param>
/// <param name="Sequence">
/// The LIVE's event-log sequence when the card was computed: a card with a higher one is newer, and it includes every
/// event an ingest call acknowledged with a sequence up to it (see <see cref="IngestResult.Sequences"/>). 0 on cards
/// read back from history.
/// </param>
[GenerateSerializer, Immutable, Alias("lg.LiveCard")]
public sealed record LiveCard(
    [property: Id(0)] string LiveId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string CreatorName,
    [property: Id(3)] string? CreatorAvatarUrl,
    [property: Id(4)] CreatorType CreatorType,
    [property: Id(5)] string? AgencyId,
    [property: Id(6)] string Title,
    [property: Id(7)] LiveStatus Status,
    [property: Id(8)] DateTimeOffset StartedAt,
    [property: Id(9)] DateTimeOffset? EndedAt,
    [property: Id(10)] string? Currency,
    [property: Id(11)] IReadOnlyDictionary<string, decimal?> Metrics,
    [property: Id(12)] IReadOnlyList<CommentView> LatestComments,
    [property: Id(13)] ProductView? PinnedProduct,
    [property: Id(14)] IReadOnlyList<ViolationView> Violations,
    [property: Id(15)] IReadOnlyList<AttentionReason> Attention,
    [property: Id(16)] DateTimeOffset UpdatedAt,
    [property: Id(17)] bool Pinned,
    [property: Id(18)] long Sequence = 0)
{
    /// <summary>True when the LIVE has at least one violation.</summary>
    public bool InViolation => Violations.Count > 0;

    /// <summary>True when any attention rule fired.</summary>
    public bool NeedsAttention => Attention.Count > 0;
}
