using System.Text.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;
using Microsoft.AspNetCore.Http.Features;

namespace LiveGrains.Web.Ingest;

/// <summary>
/// Reads an ingest body: a JSON array of envelopes, or NDJSON (one envelope per line). A body that is not
/// valid JSON is refused whole (400, naming line and byte) because no item boundary can be trusted; a valid
/// item with bad content is refused alone, with its position and reason, and the others go through.
/// </summary>
public static class IngestRequestReader
{
    /// <summary>Reads and parses the request body within <paramref name="options"/>' limits.</summary>
    public static async Task<(IngestBatch? Batch, IngestRequestError? Error)> ReadAsync(HttpRequest request, IngestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBodyBytes;
        }
        if (request.ContentLength > options.MaxBodyBytes) return (null, TooLarge(options));

        PooledRequestBody? body;
        try
        {
            body = await PooledRequestBody.ReadAsync(request.Body, request.ContentLength, options.MaxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(options));
        }
        if (body is null) return (null, TooLarge(options));

        // Parsing copies every value it keeps out of the body, so the pooled buffer goes back when it is done.
        using (body)
        {
            var bytes = body.Memory;
            var first = FirstNonWhitespace(bytes.Span);
            if (first < 0) return (null, new IngestRequestError(400, "The request body is empty: send a JSON array of events or NDJSON, one event per line."));
            var ndjson = request.ContentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true || bytes.Span[first] == (byte)'{';
            return ndjson ? ReadLines(bytes, options) : ReadArray(bytes, options);
        }
    }

    // Read as a stream of tokens, not into a document first: building a DOM of every request and looking each field
    // up in it cost about a tenth of the web host's CPU under HTTP ingest.
    private static (IngestBatch?, IngestRequestError?) ReadArray(ReadOnlyMemory<byte> bytes, IngestOptions options)
    {
        var reader = new Utf8JsonReader(bytes.Span);
        var batch = new IngestBatch([], [], []);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
                return (null, new IngestRequestError(400, "The body must be a JSON array of events, or NDJSON with one event per line."));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (batch.Count >= options.MaxEvents) return (null, TooMany(options));
                Add(batch, ref reader);
            }
            // Throws when anything but whitespace follows the array.
            reader.Read();
        }
        catch (JsonException ex)
        {
            return (null, new IngestRequestError(400, $"Malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {Clean(ex.Message)}"));
        }
        return Done(batch);
    }

    private static (IngestBatch?, IngestRequestError?) ReadLines(ReadOnlyMemory<byte> bytes, IngestOptions options)
    {
        var batch = new IngestBatch([], [], []);
        var span = bytes.Span;
        int line = 0, start = 0;
        while (start < span.Length)
        {
            line++;
            var end = span[start..].IndexOf((byte)'\n');
            var length = end < 0 ? span.Length - start : end;
            var text = span.Slice(start, length);
            start += length + 1;
            if (FirstNonWhitespace(text) < 0) continue;
            if (batch.Count >= options.MaxEvents) return (null, TooMany(options));
            try
            {
                var reader = new Utf8JsonReader(text);
                reader.Read();
                Add(batch, ref reader);
                // Throws when anything but whitespace follows the event on its line.
                reader.Read();
            }
            catch (JsonException ex)
            {
                return (null, new IngestRequestError(400, $"Malformed JSON on line {line}, byte {ex.BytePositionInLine + 1}: {Clean(ex.Message)}"));
            }
        }
        return Done(batch);
    }

    private static void Add(IngestBatch batch, ref Utf8JsonReader reader)
    {
        var index = batch.Count;
        if (EventJson.TryRead(ref reader, out var parsed, out var eventId, out var error))
        {
            batch.Events.Add(parsed!);
            batch.Positions.Add(index);
            return;
        }
        batch.Rejected.Add(new RejectedEvent(index, eventId, error!));
    }

    private static (IngestBatch?, IngestRequestError?) Done(IngestBatch batch) =>
        batch.Count == 0 ? (null, new IngestRequestError(400, "The batch is empty.")) : (batch, null);

    private static int FirstNonWhitespace(ReadOnlySpan<byte> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return i;
        }
        return -1;
    }

    private static IngestRequestError TooLarge(IngestOptions options) =>
        new(413, $"The request body is larger than {options.MaxBodyBytes:N0} bytes; split it into smaller batches.");

    private static IngestRequestError TooMany(IngestOptions options) =>
        new(413, $"The batch holds more than {options.MaxEvents:N0} events; at most {options.MaxEvents:N0} are accepted per request.");

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
