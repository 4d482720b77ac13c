using System.Text;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// A comment as a LIVE keeps it: when it was posted, and the viewer id, nickname and text as UTF-8 in one array (the
/// byte lengths of the first two as variable-length integers, one byte each below 128, then the three strings). As a <see cref="CommentView"/> with three strings of its own a comment
/// took about 155 bytes, 7.7 KiB for the 50 a LIVE keeps; as this, a struct in the list and one array, about 90.
/// </summary>
/// <param name="OccurredAt">When it was posted.</param>
/// <param name="Utf8">The lengths and the strings.</param>
[GenerateSerializer, Alias("lg.StoredComment")]
public readonly record struct StoredComment([property: Id(0)] DateTimeOffset OccurredAt, [property: Id(1)] byte[] Utf8)
{
    /// <summary>The comment of <paramref name="view"/>.</summary>
    public static StoredComment Of(CommentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Of(view.ViewerId, view.Nickname, view.Text, view.OccurredAt);
    }

    /// <summary>The comment a viewer posted at <paramref name="occurredAt"/>.</summary>
    public static StoredComment Of(string viewerId, string nickname, string comment, DateTimeOffset occurredAt)
    {
        var viewer = Encoding.UTF8.GetByteCount(viewerId);
        var nick = Encoding.UTF8.GetByteCount(nickname);
        var text = Encoding.UTF8.GetByteCount(comment);
        var bytes = new byte[VarInt.Size((ulong)viewer) + VarInt.Size((ulong)nick) + viewer + nick + text];
        var at = VarInt.Write(bytes, 0, (ulong)viewer);
        at = VarInt.Write(bytes, at, (ulong)nick);
        at += Encoding.UTF8.GetBytes(viewerId, bytes.AsSpan(at));
        at += Encoding.UTF8.GetBytes(nickname, bytes.AsSpan(at));
        Encoding.UTF8.GetBytes(comment, bytes.AsSpan(at));
        return new StoredComment(occurredAt, bytes);
    }

    /// <summary>The comment as cards and dashboards show it.</summary>
    public CommentView ToView()
    {
        var at = 0;
        var viewer = (int)VarInt.Read(Utf8, ref at);
        var nickname = (int)VarInt.Read(Utf8, ref at);
        var bytes = Utf8.AsSpan(at);
        return new CommentView(Encoding.UTF8.GetString(bytes[..viewer]), Encoding.UTF8.GetString(bytes.Slice(viewer, nickname)),
            Encoding.UTF8.GetString(bytes[(viewer + nickname)..]), OccurredAt);
    }
}
