using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Targets;

/// <summary>
/// LiveGrains through its HTTP ingest API (<c>POST /api/ingest/events</c>, a JSON array per request), checked through
/// <c>GET /api/lives/{id}</c>. Serialising to JSON happens inside the timed send, as for a real producer.
/// </summary>
public sealed class HttpTarget : ITarget
{
    private readonly HttpClient _http;
    private readonly Func<Workload, CancellationToken, Task> _prepare;

    /// <summary>A target on <paramref name="baseAddress"/> with up to <paramref name="connections"/> connections.</summary>
    public HttpTarget(Uri baseAddress, string? token, int connections, Func<Workload, CancellationToken, Task> prepare)
    {
        _prepare = prepare;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <inheritdoc />
    public string Name => "http";

    /// <inheritdoc />
    public Task PrepareAsync(Workload workload, CancellationToken cancellationToken) => _prepare(workload, cancellationToken);

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(LiveEvent[] batch, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(EventJson.ToJsonArray(batch));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(new Uri("/api/ingest/events", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            throw new TransientSendException($"HTTP {(int)response.StatusCode}", response.Headers.RetryAfter?.Delta);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = json.RootElement;
        return new SendOutcome(root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicates").GetInt32(), root.GetProperty("rejected").GetArrayLength());
    }

    /// <inheritdoc />
    public Task<Verification> VerifyAsync(GroundTruth truth, long eventsSent, CancellationToken cancellationToken) =>
        TotalsComparer.CompareAsync(truth, ReadAsync, 16, cancellationToken);

    private async Task<LiveTotals?> ReadAsync(string liveId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/api/lives/{Uri.EscapeDataString(liveId)}", UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var c = json.RootElement.GetProperty("counters");
        long L(string name) => c.GetProperty(name).GetInt64();
        long Cents(string name) => LiveTotals.Cents(c.GetProperty(name).GetDecimal());
        return new LiveTotals(liveId, 0, 0, L("orders"), L("itemsSold"), Cents("gmv"), Cents("affiliateGmv"), L("refunds"), Cents("refundedAmount"),
            L("views"), L("comments"), L("likes"), L("shares"), L("newFollowers"), L("liveImpressions"), L("productImpressions"),
            L("productClicks"), json.RootElement.GetProperty("violations").GetArrayLength(), L("peakViewers"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
