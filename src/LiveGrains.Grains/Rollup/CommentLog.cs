using System.Buffers.Binary;
using System.Text;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// A LIVE's newest comments, oldest first, as records in one ring of bytes. A record is its body's length, then the body:
/// when the comment was posted (UTC ticks, 8 bytes, then the offset in minutes), the byte lengths of the viewer id and
/// the nickname, and the viewer id, nickname and text as UTF-8. As a struct in a list and an array of its own each, a
/// comment took about 90 bytes, 4.5 KiB for the 50 a LIVE keeps, of which 48 were the two objects' overhead; here it
/// takes its text and about 12. Comments that come in the order they were posted are appended; a late one is put in its
/// place, and the records after it move up.
/// </summary>
[GenerateSerializer, Alias("lg.CommentLog")]
public sealed class CommentLog
{
    // Public for the serializer only: the ring, where its oldest record starts, the bytes and records it holds, and the
    // time of its newest record (long.MinValue while empty).
    [Id(0)] public byte[] Bytes = [];
    [Id(1)] public int Head;
    [Id(2)] public int Used;
    [Id(3)] public int Count;
    [Id(4)] public long NewestTicks = long.MinValue;

    /// <summary>
    /// Adds a comment, keeping the newest <paramref name="keep"/> by when they were posted; false when it is older than
    /// all of them (it would not be kept). A comment posted at the same instant as others kept goes before them.
    /// </summary>
    public bool Add(string viewerId, string nickname, string text, DateTimeOffset occurredAt, int keep)
    {
        ArgumentNullException.ThrowIfNull(viewerId);
        ArgumentNullException.ThrowIfNull(nickname);
        ArgumentNullException.ThrowIfNull(text);
        var ticks = occurredAt.UtcTicks;
        var (at, newer) = ticks > NewestTicks ? (Used, 0) : PlaceOf(ticks);
        if (newer >= keep) return false;

        var (viewer, nick) = (Encoding.UTF8.GetByteCount(viewerId), Encoding.UTF8.GetByteCount(nickname));
        var offset = ZigZag((long)occurredAt.Offset.TotalMinutes);
        var body = 8 + VarInt.Size(offset) + VarInt.Size((ulong)viewer) + VarInt.Size((ulong)nick) + viewer + nick + Encoding.UTF8.GetByteCount(text);
        var length = VarInt.Size((ulong)body) + body;
        Span<byte> record = length <= 256 ? stackalloc byte[length] : new byte[length];
        var written = VarInt.Write(record, 0, (ulong)body);
        BinaryPrimitives.WriteInt64LittleEndian(record[written..], ticks);
        written = VarInt.Write(record, written + 8, offset);
        written = VarInt.Write(record, written, (ulong)viewer);
        written = VarInt.Write(record, written, (ulong)nick);
        written += Encoding.UTF8.GetBytes(viewerId, record[written..]);
        written += Encoding.UTF8.GetBytes(nickname, record[written..]);
        Encoding.UTF8.GetBytes(text, record[written..]);

        // While the log fills, the ring grows by half, so that it is not copied for every comment.
        if (Used + length > Bytes.Length) Resize(Math.Max(Used + length + (Used + length) / 8, Count < keep ? Bytes.Length * 3 / 2 : 0));
        // The records from `at` on move up by the new one's length, last byte first; a comment in order moves none.
        for (var k = Used - 1; k >= at; k--) Bytes[Physical(k + length)] = Bytes[Physical(k)];
        CopyIn(at, record);
        (Used, Count) = (Used + length, Count + 1);
        if (newer == 0) NewestTicks = ticks;
        if (Count > keep)
        {
            while (Count > keep) DropOldest();
            // Once full, the ring keeps an eighth more than its records need: what growing by half left over, and what
            // very long comments took once they are gone, is given back.
            if (Bytes.Length - Used > Used / 4) Resize(Used + Used / 8);
        }
        return true;
    }

    /// <summary>The newest <paramref name="count"/> comments, newest first.</summary>
    public List<CommentView> Newest(int count)
    {
        var newest = new List<CommentView>(Math.Clamp(count, 0, Count));
        AddNewest(count, newest);
        return newest;
    }

    /// <summary>Adds the newest <paramref name="count"/> comments to <paramref name="views"/>, newest first.</summary>
    public void AddNewest(int count, List<CommentView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        var take = Math.Clamp(count, 0, Count);
        if (take == 0) return;
        // A record's length is at its start, so records are found from the oldest; only the starts of the newest `take`
        // are kept (in turn, in a ring of their own), and only those records are decoded.
        Span<int> starts = take <= 64 ? stackalloc int[take] : new int[take];
        for (var (i, at) = (0, 0); i < Count; i++, at = Next(at)) starts[i % take] = at;
        for (var j = 0; j < take; j++) views.Add(Read(starts[(Count - 1 - j) % take]));
    }

    // Where a comment posted at `ticks` goes: before the first record posted at the same instant or later, and how many
    // records that leaves after it. Read from the oldest record on, since a record's length is at its start: only a
    // comment posted before the newest kept comes here, as producers send them mostly in order.
    private (int At, int Newer) PlaceOf(long ticks)
    {
        var at = 0;
        for (var i = 0; i < Count; i++, at = Next(at))
        {
            if (TicksAt(at) >= ticks) return (at, Count - i);
        }
        return (Used, 0);
    }

    private void DropOldest()
    {
        var next = Next(0);
        (Head, Used, Count) = (Physical(next), Used - next, Count - 1);
    }

    // A new ring of `length` bytes (at least 64), with the records moved to its start.
    private void Resize(int length)
    {
        var grown = new byte[Math.Max(64, length)];
        CopyOut(0, grown.AsSpan(0, Used));
        (Bytes, Head) = (grown, 0);
    }

    // The start of the record after the one at `at` (logical offsets, from the oldest record's start).
    private int Next(int at)
    {
        var body = ReadVarInt(ref at);
        return at + (int)body;
    }

    private long TicksAt(int at)
    {
        ReadVarInt(ref at);
        Span<byte> ticks = stackalloc byte[8];
        CopyOut(at, ticks);
        return BinaryPrimitives.ReadInt64LittleEndian(ticks);
    }

    private CommentView Read(int at)
    {
        var body = (int)ReadVarInt(ref at);
        var start = Physical(at);
        // Read in place; only a record that wraps around the ring's end is copied out first.
        ReadOnlySpan<byte> bytes = start + body <= Bytes.Length ? Bytes.AsSpan(start, body) : Copied(at, body);
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var read = 8;
        var offset = TimeSpan.FromMinutes(UnZigZag(VarInt.Read(bytes, ref read)));
        var viewer = (int)VarInt.Read(bytes, ref read);
        var nick = (int)VarInt.Read(bytes, ref read);
        var strings = bytes[read..];
        return new CommentView(Encoding.UTF8.GetString(strings[..viewer]), Encoding.UTF8.GetString(strings.Slice(viewer, nick)),
            Encoding.UTF8.GetString(strings[(viewer + nick)..]), new DateTimeOffset(ticks + offset.Ticks, offset));
    }

    private byte[] Copied(int at, int length)
    {
        var bytes = new byte[length];
        CopyOut(at, bytes);
        return bytes;
    }

    private ulong ReadVarInt(ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = Bytes[Physical(at++)];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    private int Physical(int logical)
    {
        var at = Head + logical;
        return at >= Bytes.Length ? at - Bytes.Length : at;
    }

    // Copies between logical offsets of the ring and a span: at most two pieces, the second from the ring's start.
    private void CopyOut(int at, Span<byte> to)
    {
        var start = Physical(at);
        var first = Math.Min(to.Length, Bytes.Length - start);
        Bytes.AsSpan(start, first).CopyTo(to);
        Bytes.AsSpan(0, to.Length - first).CopyTo(to[first..]);
    }

    private void CopyIn(int at, ReadOnlySpan<byte> from)
    {
        var start = Physical(at);
        var first = Math.Min(from.Length, Bytes.Length - start);
        from[..first].CopyTo(Bytes.AsSpan(start));
        from[first..].CopyTo(Bytes);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong raw) => (long)(raw >> 1) ^ -(long)(raw & 1);
}
