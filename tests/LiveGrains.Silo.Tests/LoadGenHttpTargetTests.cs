using System.Net.Http.Json;
using System.Text.Json;
using LiveGrains.LoadGen;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Silo.Tests.Support;

namespace LiveGrains.Silo.Tests;

/// <summary>The load generator's HTTP target against a real web process, the way the benchmarks run it.</summary>
public sealed class LoadGenHttpTargetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_http_target_seeds_through_the_admin_api_and_its_totals_match_the_ground_truth_exactly()
    {
        var signingKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        await using var web = await WebProcess.StartEmbeddedAsync("web", signingKey, ProcessTopology.ReadyTimeout, Ct);
        var options = new LoadGenOptions
        {
            Targets = ["http"],
            Url = web.BaseAddress,
            SigningKey = signingKey,
            Dashboards = 0,
            Lives = 60,
            Agencies = 3,
            Events = 6_000,
            Batch = 200,
            Concurrency = 4,
            Duplicates = 0.02,
            Progress = false,
            WarmUpSeconds = 0,
        };
        var output = new StringWriter();

        var result = await LoadGenApp.RunSuiteAsync(options, output, Ct);

        var http = result.Targets.Single();
        http.Totals.Passed.ShouldBe(true, output.ToString());
        http.Acks.Passed.ShouldBe(true, output.ToString());
        http.Run.Duplicates.ShouldBeGreaterThan(0);
        // Seeded, so the LIVEs have agencies to show them: each agency lists its creators and its LIVEs on air.
        using var service = web.ServiceClient();
        foreach (var agency in WorkloadBuilder.Build(options, DateTimeOffset.UtcNow).Creators.GroupBy(c => c.AgencyId))
        {
            var ongoing = await Ongoing(service, agency.Key);
            ongoing.GetProperty("boundCreators").GetInt32().ShouldBeGreaterThanOrEqualTo(agency.Count(), output.ToString());
            ongoing.GetProperty("totalOngoing").GetInt32().ShouldBeGreaterThan(0, output.ToString());
        }
    }

    // Cards reach their agency at the LIVE's next tick: give them a few.
    private static async Task<JsonElement> Ongoing(HttpClient service, string agencyId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var ongoing = await service.GetFromJsonAsync<JsonElement>($"api/agencies/{agencyId}/lives/ongoing", Ct);
            if (ongoing.GetProperty("totalOngoing").GetInt32() > 0 || DateTime.UtcNow > deadline) return ongoing;
            await Task.Delay(200, Ct);
        }
    }
}
