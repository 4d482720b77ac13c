using System.Text;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// A comment as checkpoints kept it before <see cref="CommentLog"/>: when it was posted, and the viewer id, nickname and
/// text as UTF-8 in one array (the byte lengths of the first two as variable-length integers, then the three strings).
/// Read when such a checkpoint's LIVE activates, and moved into its log.
/// </summary>
/// <param name="OccurredAt">When it was posted.</param>
/// <param name="Utf8">The lengths and the strings.</param>
[GenerateSerializer, Alias("lg.StoredComment")]
public readonly record struct StoredComment([property: Id(0)] DateTimeOffset OccurredAt, [property: Id(1)] byte[] Utf8)
{
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
