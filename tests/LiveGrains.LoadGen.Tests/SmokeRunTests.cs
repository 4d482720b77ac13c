using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Hosting;
using Orleans.Configuration;

namespace LiveGrains.LoadGen.Tests;

public sealed class SmokeRunTests
{
    // Ports of their own, so the smoke runs can share the machine with a running host or another test run.
    internal static readonly LoadGenOptions Small = new()
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
        // A smoke run checks totals, not speed: no need to wait for time-driven paths to compile.
        WarmUpSeconds = 0,
    };

    [Fact]
    public async Task Smoke_run_totals_match_the_ground_truth_exactly()
    {
        var output = new StringWriter();

        var result = await LoadGenApp.RunSuiteAsync(Small, output, TestContext.Current.CancellationToken);

        var inproc = result.Targets.Single(t => t.Run.Target == "inproc");
        inproc.Totals.Passed.ShouldBe(true, output.ToString());
        inproc.Acks.Passed.ShouldBe(true, output.ToString());
        inproc.Run.Duplicates.ShouldBeGreaterThan(0);
        inproc.Run.EventsSent.ShouldBeGreaterThanOrEqualTo(6_000);
        result.Targets.Single(t => t.Run.Target == "limit").Totals.Passed.ShouldBe(true, output.ToString());
        // Memory is measured on a pass of its own, as a silo receives requests from another process, and checked too. Its
        // value is not asserted: the heap is the process's, which other tests share.
        inproc.MemoryTotals.ShouldNotBeNull().Passed.ShouldBe(true, output.ToString());
        inproc.HeapBytesPerActiveLive.ShouldNotBeNull();
        result.Passed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_run_that_puts_every_LIVE_on_air_first_measures_the_rest_and_checks_both_parts_exactly()
    {
        var options = Small with { Targets = ["inproc"], Events = 4_000, Batch = 100, OnAirFirst = true, SiloPort = 22612, SiloGatewayPort = 32612 };
        var output = new StringWriter();

        var result = await LoadGenApp.RunSuiteAsync(options, output, TestContext.Current.CancellationToken);

        var inproc = result.Targets.Single();
        inproc.OnAir.ShouldNotBeNull().Lives.ShouldBe(60);
        inproc.Run.EventsSent.ShouldBe(result.WorkloadEvents - inproc.OnAir.Events);
        inproc.Totals.Passed.ShouldBe(true, output.ToString());
        inproc.Acks.Passed.ShouldBe(true, output.ToString());
        output.ToString().ShouldContain("on air first: 60 LIVEs");
    }

    [Fact]
    public async Task The_client_target_reaches_a_running_silo_of_a_named_cluster_and_checks_its_totals_exactly()
    {
        using var silo = await OrleansHosts.StartSiloAsync(22613, 32613,
            builder => builder.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("smoke-cluster", "smoke-service")));
        var options = Small with { Targets = ["client"], Gateway = 32613, ClusterId = "smoke-cluster", ServiceId = "smoke-service" };
        var output = new StringWriter();

        var result = await LoadGenApp.RunSuiteAsync(options, output, TestContext.Current.CancellationToken);

        var client = result.Targets.Single();
        client.Totals.Passed.ShouldBe(true, output.ToString());
        client.Acks.Passed.ShouldBe(true, output.ToString());
        await silo.StopAsync(TestContext.Current.CancellationToken);
    }
}
