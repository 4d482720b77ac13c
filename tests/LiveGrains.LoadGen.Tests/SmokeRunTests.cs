using LiveGrains.LoadGen.Cli;

namespace LiveGrains.LoadGen.Tests;

public sealed class SmokeRunTests
{
    [Fact]
    public async Task Smoke_run_totals_match_the_ground_truth_exactly()
    {
        // Ports of their own, so the smoke run can share the machine with a running host or another test run.
        var options = new LoadGenOptions
        {
            Targets = ["limit", "inproc"],
            Lives = 60,
            Agencies = 3,
            Events = 6_000,
            Batch = 200,
            Concurrency = 4,
            Duplicates = 0.02,
            SiloPort = 22611,
            SiloGatewayPort = 32611,
            Progress = false,
        };
        var output = new StringWriter();

        var result = await LoadGenApp.RunSuiteAsync(options, output, TestContext.Current.CancellationToken);

        var inproc = result.Targets.Single(t => t.Run.Target == "inproc");
        inproc.Totals.Passed.ShouldBe(true, output.ToString());
        inproc.Acks.Passed.ShouldBe(true, output.ToString());
        inproc.Run.Duplicates.ShouldBeGreaterThan(0);
        inproc.Run.EventsSent.ShouldBeGreaterThanOrEqualTo(6_000);
        result.Targets.Single(t => t.Run.Target == "limit").Totals.Passed.ShouldBe(true, output.ToString());
        result.Passed.ShouldBeTrue();
    }
}
