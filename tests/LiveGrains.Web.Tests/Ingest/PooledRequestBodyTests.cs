using LiveGrains.Web.Ingest;

namespace LiveGrains.Web.Tests.Ingest;

public sealed class PooledRequestBodyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i % 251)).ToArray();

    [Theory]
    [InlineData(0, null)]
    [InlineData(10, null)]
    [InlineData(300_000, null)]
    [InlineData(300_000, 300_000L)]
    [InlineData(300_000, 1_000L)]
    public async Task A_body_is_read_whole_whatever_length_it_declares(int size, long? declared)
    {
        var sent = Bytes(size);
        // Small reads, as a socket gives them, so the buffer fills and grows several times.
        await using var stream = new TrickleStream(sent, 7_000);

        using var body = await PooledRequestBody.ReadAsync(stream, declared, 1_000_000, Ct);

        body.ShouldNotBeNull().Memory.ToArray().ShouldBe(sent);
    }

    [Fact]
    public async Task A_body_over_the_limit_reads_as_null_even_when_it_declares_less()
    {
        await using var stream = new TrickleStream(Bytes(5_001), 1_000);

        (await PooledRequestBody.ReadAsync(stream, 100, 5_000, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        await using var stream = new TrickleStream(Bytes(5_000), 1_000);

        using var body = await PooledRequestBody.ReadAsync(stream, null, 5_000, Ct);

        body.ShouldNotBeNull().Memory.Length.ShouldBe(5_000);
    }

    /// <summary>A stream that returns at most <paramref name="chunk"/> bytes a read and has no length.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
