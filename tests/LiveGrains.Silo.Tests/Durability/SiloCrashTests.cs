using System.Collections.Concurrent;
using System.Net.Http.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Targets;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Silo.Tests.Support;
using LiveGrains.Simulation.Truth;
using LiveGrains.Storage.Tests.Support;

namespace LiveGrains.Silo.Tests.Durability;

/// <summary>
/// A silo process is killed with SIGKILL in the middle of a run while a producer with retries (same event ids) drives
/// many LIVEs through the web process: afterwards the grains and the history read model agree exactly with the
/// producer's ground truth.
/// </summary>
public sealed class SiloCrashTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PostgresDatabase _db = new();
    private ProcessTopology? _topology;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        if (string.IsNullOrEmpty(PostgresDatabase.AdminConnectionString)) return;
        _topology = await ProcessTopology.StartAsync(_db.DataSource.ConnectionString!, silos: 2, Ct, new Dictionary<string, string?>
        {
            ["LiveGrains__Grains__CheckpointInterval"] = "00:00:01",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_topology is not null) await _topology.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_silo_killed_mid_run_loses_nothing_and_duplicates_nothing()
    {
        PostgresDatabase.SkipUnlessConfigured();
        var topology = _topology!;
        var web = topology.Web!;
        var workload = WorkloadBuilder.Build(new LoadGenOptions { Lives = 200, Agencies = 4, Events = 12_000, Batch = 100, Seed = 11 }, DateTimeOffset.UtcNow);
        var truth = new GroundTruth();
        foreach (var batch in workload.Batches) truth.AddRange(batch);
        using var admin = web.ServiceClient();
        await Seed(admin, workload);

        using var tokenClient = web.ServiceClient();
        var retries = new ConcurrentDictionary<string, int>();
        var sent = 0;
        var crash = Task.Run(async () =>
        {
            while (Volatile.Read(ref sent) < workload.Batches.Count / 3) await Task.Delay(20, Ct);
            await topology.Silos[1].KillAsync();
        }, Ct);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < workload.Batches.Count)
            {
                await SendWithRetries(tokenClient, workload.Batches[i], retries);
                Interlocked.Increment(ref sent);
            }
        }, Ct)));
        await crash;
        // End some LIVEs after the crash: their history rows are written by whichever silo hosts them now.
        var endings = workload.Batches.SelectMany(b => b).DistinctBy(e => e.LiveId).Take(25)
            .Select(e => new LiveEvent($"{e.LiveId}-end", e.LiveId, e.CreatorId, DateTimeOffset.UtcNow, new LiveEnded(LiveEndReason.Ended)))
            .ToArray();
        truth.AddRange(endings);
        await SendWithRetries(tokenClient, endings, retries);
        TestContext.Current.TestOutputHelper?.WriteLine($"producer retries: {string.Join(", ", retries)}");

        topology.Silos[1].IsRunning.ShouldBeFalse();
        retries.ShouldNotBeEmpty("requests in flight to the killed silo should have failed and been retried");
        var verification = await TotalsComparer.CompareAsync(truth, (liveId, ct) => ReadLive(tokenClient, liveId, ct), 8, Ct);
        verification.Passed.ShouldBe(true, $"{verification.Summary}\n{string.Join('\n', verification.Differences)}\nretries: {string.Join(", ", retries)}");
        await HistoryMatches(truth);
    }

    private static async Task Seed(HttpClient admin, Workload workload)
    {
        await Parallel.ForEachAsync(workload.Creators, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (c, ct) =>
        {
            var type = c.Type == CreatorType.Seller ? "seller" : "affiliate";
            (await admin.PutAsJsonAsync($"api/admin/creators/{c.CreatorId}", new { name = c.Name, avatarUrl = (string?)null, creatorType = type }, ct)).EnsureSuccessStatusCode();
            (await admin.PutAsync($"api/admin/agencies/{c.AgencyId}/creators/{c.CreatorId}", null, ct)).EnsureSuccessStatusCode();
        });
    }

    /// <summary>What a well-behaved producer does: resend the same batch (same event ids) until it is acknowledged.</summary>
    private static async Task SendWithRetries(HttpClient http, LiveEvent[] batch, ConcurrentDictionary<string, int> retries)
    {
        var body = EventJson.ToJsonArray(batch);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            string failure;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("api/ingest/events", content, Ct);
                if (response.IsSuccessStatusCode) return;
                var status = (int)response.StatusCode;
                if (status < 500) throw new InvalidOperationException($"ingest refused a batch with {status}: {await response.Content.ReadAsStringAsync(Ct)}");
                failure = $"HTTP {status}";
            }
            catch (HttpRequestException ex)
            {
                failure = ex.GetType().Name;
            }
            catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
            {
                failure = "client timeout";
            }
            retries.AddOrUpdate(failure, 1, (_, n) => n + 1);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"a batch was not acknowledged within 3 minutes; last failure {failure}");
            await Task.Delay(500, Ct);
        }
    }

    private static async Task<LiveTotals?> ReadLive(HttpClient http, string liveId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/lives/{liveId}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var dashboard = await response.Content.ReadFromJsonAsync<LiveGrains.Contracts.Views.LiveDashboard>(LiveGrains.Contracts.Json.LiveJson.Options, cancellationToken);
        return DashboardTotals.From(liveId, dashboard!);
    }

    /// <summary>Every LIVE that ended has its history row, with the ground truth's orders and GMV to the cent.</summary>
    private async Task HistoryMatches(GroundTruth truth)
    {
        var ended = truth.Totals().Values.Where(t => t.Ended).ToDictionary(t => t.LiveId);
        ended.ShouldNotBeEmpty("the workload should end some LIVEs");
        Dictionary<string, (long Orders, long GmvCents)> rows = [];
        for (var attempt = 0; attempt < 150; attempt++)
        {
            rows = [];
            await using var query = _db.DataSource.CreateCommand("SELECT live_id, orders, gmv FROM live_history");
            await using var reader = await query.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) rows[reader.GetString(0)] = (reader.GetInt64(1), LiveTotals.Cents(reader.GetDecimal(2)));
            if (ended.Keys.All(rows.ContainsKey)) break;
            await Task.Delay(200, Ct);
        }
        var wrong = ended.Values
            .Where(t => !rows.TryGetValue(t.LiveId, out var row) || row != (t.Orders, t.GmvCents))
            .Select(t => $"{t.LiveId}: expected {t.Orders} orders / {t.GmvCents} cents, history has {(rows.TryGetValue(t.LiveId, out var r) ? r.ToString() : "no row")}")
            .ToList();
        wrong.ShouldBeEmpty();
    }
}
