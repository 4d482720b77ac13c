using System.Collections.Frozen;
using System.Text;

namespace LiveGrains.Contracts.Events;

/// <summary>
/// The one table that maps wire names (<c>order_paid</c>) to payload records. Parsing, validation,
/// the load generator and the docs all read it; adding an event type means adding one line here.
/// </summary>
public static class EventTypes
{
    private static readonly (string Name, Type Type)[] Table =
    [
        ("live_started", typeof(LiveStarted)),
        ("live_ended", typeof(LiveEnded)),
        ("viewer_count", typeof(ViewerCountSampled)),
        ("viewer_joined", typeof(ViewerJoined)),
        ("viewer_left", typeof(ViewerLeft)),
        ("comment", typeof(CommentPosted)),
        ("likes", typeof(LikesReceived)),
        ("share", typeof(LiveShared)),
        ("follow", typeof(CreatorFollowed)),
        ("live_impressions", typeof(LiveImpressions)),
        ("product_impressions", typeof(ProductImpressions)),
        ("product_clicks", typeof(ProductClicks)),
        ("product_pinned", typeof(ProductPinned)),
        ("product_unpinned", typeof(ProductUnpinned)),
        ("order_paid", typeof(OrderPaid)),
        ("order_refunded", typeof(OrderRefunded)),
        ("promotion_started", typeof(PromotionStarted)),
        ("promotion_ended", typeof(PromotionEnded)),
        ("violation", typeof(ViolationRecorded)),
    ];

    private static readonly FrozenDictionary<string, Type> ByName = Table.ToFrozenDictionary(e => e.Name, e => e.Type);
    private static readonly FrozenDictionary<Type, string> ByType = Table.ToFrozenDictionary(e => e.Type, e => e.Name);

    private static readonly (byte[] Name, Type Type)[] ByUtf8Name = Table.Select(e => (Encoding.UTF8.GetBytes(e.Name), e.Type)).ToArray();

    /// <summary>Every wire name, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(e => e.Name).ToArray();

    /// <summary>The payload type for a wire name, or null when the name is unknown.</summary>
    public static Type? TypeOf(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// The payload type for a wire name given as UTF-8, or null when the name is unknown: HTTP ingest reads the name of
    /// every event this way, without making a string of it.
    /// </summary>
    public static Type? TypeOf(ReadOnlySpan<byte> utf8Name)
    {
        foreach (var (name, type) in ByUtf8Name)
        {
            if (utf8Name.SequenceEqual(name)) return type;
        }
        return null;
    }

    /// <summary>The wire name of a payload.</summary>
    public static string NameOf(LiveEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return NameOf(data.GetType());
    }

    /// <summary>The wire name of a payload type.</summary>
    public static string NameOf(Type type) =>
        ByType.TryGetValue(type, out var name) ? name : throw new InvalidOperationException($"{type.Name} is not registered in {nameof(EventTypes)}");
}
