using System.Buffers;

namespace LiveGrains.Web.Ingest;

/// <summary>
/// A request body read whole into an array rented from the shared pool, returned to it on dispose. A batch of 1,000
/// events is a few hundred kilobytes: read into fresh, doubling arrays it cost about a megabyte of large-object heap per
/// request, and the collections of that heap (background gen2) took a sixth of the web host's CPU under ingest load.
/// </summary>
public sealed class PooledRequestBody : IDisposable
{
    private const int FirstRead = 64 * 1024;
    private byte[] _buffer;
    private int _length;

    private PooledRequestBody(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>The bytes read. Valid until dispose: whatever is parsed from them must be copied out first.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    /// <summary>Reads <paramref name="body"/> to its end; null, with nothing kept, when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<PooledRequestBody?> ReadAsync(Stream body, long? contentLength, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var limit = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        // One byte more than a declared length, so that its end is seen without growing the buffer.
        var read = new PooledRequestBody(contentLength is { } declared && declared <= limit ? (int)declared + 1 : FirstRead);
        try
        {
            while (true)
            {
                if (read._length == read._buffer.Length) read.Grow();
                var count = await body.ReadAsync(read._buffer.AsMemory(read._length), cancellationToken);
                if (count == 0) return read;
                read._length += count;
                if (read._length > limit)
                {
                    read.Dispose();
                    return null;
                }
            }
        }
        catch
        {
            read.Dispose();
            throw;
        }
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }
}
