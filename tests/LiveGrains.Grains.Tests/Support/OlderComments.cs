using System.Text;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Rollup;

namespace LiveGrains.Grains.Tests.Support;

/// <summary>Comments as checkpoints wrote them before the comment log, for tests that read such checkpoints back.</summary>
internal static class OlderComments
{
    public static StoredComment Stored(CommentView view) => Stored(view.ViewerId, view.Nickname, view.Text, view.OccurredAt);

    // The byte lengths of the viewer id and nickname as variable-length integers, then the three strings as UTF-8.
    public static StoredComment Stored(string viewerId, string nickname, string text, DateTimeOffset occurredAt)
    {
        var (viewer, nick) = (Encoding.UTF8.GetByteCount(viewerId), Encoding.UTF8.GetByteCount(nickname));
        var bytes = new byte[VarInt.Size((ulong)viewer) + VarInt.Size((ulong)nick) + viewer + nick + Encoding.UTF8.GetByteCount(text)];
        var at = VarInt.Write(bytes, 0, (ulong)viewer);
        at = VarInt.Write(bytes, at, (ulong)nick);
        at += Encoding.UTF8.GetBytes(viewerId, bytes.AsSpan(at));
        at += Encoding.UTF8.GetBytes(nickname, bytes.AsSpan(at));
        Encoding.UTF8.GetBytes(text, bytes.AsSpan(at));
        return new StoredComment(occurredAt, bytes);
    }
}
