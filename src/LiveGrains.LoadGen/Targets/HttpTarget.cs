using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Json;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Targets;

/// <summary>
/// LiveGrains through its HTTP ingest API (<c>POST /api/ingest/events</c>, a JSON array per request), checked through
/// <c>GET /api/lives/{id}</c>. Serialising to JSON happens inside the timed send, as for a real producer. Agencies and
/// creators are seeded through the admin routes, as an internal service that knows only the HTTP API would.
/// </summary>
public sealed class HttpTarget : ITarget
{
    private readonly HttpClient _http;

    /// <summary>A target on <paramref name="baseAddress"/> with up to <paramref name="connections"/> connections.</summary>
    public HttpTarget(Uri baseAddress, string? token, int connections)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <inheritdoc />
    public string Name => "http";

    /// <summary>Names every agency, then sets every creator's profile and binds it to its agency, with bounded parallelism.</summary>
    public async Task PrepareAsync(Workload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(workload.Agencies, parallel, async (a, ct) =>
            await PutAsync($"/api/admin/agencies/{Uri.EscapeDataString(a.AgencyId)}", new { name = a.Name }, ct));
        await Parallel.ForEachAsync(workload.Creators, parallel, async (c, ct) =>
        {
            var creator = Uri.EscapeDataString(c.CreatorId);
            await PutAsync($"/api/admin/creators/{creator}", new { name = c.Name, avatarUrl = (string?)null, creatorType = WireNames.Of(c.Type) }, ct);
            await PutAsync($"/api/admin/agencies/{Uri.EscapeDataString(c.AgencyId)}/creators/{creator}", null, ct);
        });
    }

    private async Task PutAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var content = body is null ? null : JsonContent.Create(body);
        using var response = await _http.PutAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"seeding: PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

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
