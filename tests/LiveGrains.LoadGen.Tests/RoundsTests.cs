using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Measure;
using LiveGrains.LoadGen.Reports;

namespace LiveGrains.LoadGen.Tests;

public sealed class RoundsTests
{
    [Fact]
    public async Task Two_rounds_alternate_the_order_send_new_LIVEs_each_round_and_judge_the_goal_on_the_median()
    {
        var options = SmokeRunTests.Small with { Rounds = 2, Lives = 40, Agencies = 2, Events = 3_000, SiloPort = 22614, SiloGatewayPort = 32614 };
        var output = new StringWriter();

        var result = await LoadGenApp.RunSuiteAsync(options, output, TestContext.Current.CancellationToken);

        result.Targets.Select(t => (t.Run.Target, t.Round)).ShouldBe([("limit", 0), ("inproc", 0), ("inproc", 1), ("limit", 1)]);
        // Sent to the first round's LIVEs again, the second round's events would be taken as duplicates, and the counting
        // grains' totals would be twice what was sent.
        result.Passed.ShouldBeTrue(output.ToString());
        result.Targets.Where(t => t.Run.Target == "inproc").ShouldAllBe(t => t.Run.Accepted > t.Run.EventsSent * 9 / 10);
        var ratios = SummaryTable.Ratios(result);
        ratios.Count(r => r.Line.StartsWith("round ", StringComparison.Ordinal) && r.Line.Contains("inproc / limit", StringComparison.Ordinal)).ShouldBe(2);
        ratios.Where(r => r.Line.StartsWith("round ", StringComparison.Ordinal) && r.Line.Contains(" / ", StringComparison.Ordinal)).ShouldAllBe(r => r.Met == null);
        var median = ratios.Single(r => r.Line.StartsWith("inproc / limit, median of 2 rounds", StringComparison.Ordinal));
        median.Met.ShouldNotBeNull();
        output.ToString().ShouldContain("round 2 of 2: inproc, limit");
        // Each round's memory pass has LIVEs of its own as well, and its totals are checked too.
        result.Targets.Where(t => t.Run.Target == "inproc").ShouldAllBe(t => t.MemoryTotals!.Passed == true && t.HeapBytesPerActiveLive != null);
        output.ToString().Split('\n').Count(l => l.Contains("[inproc] memory pass:", StringComparison.Ordinal)).ShouldBe(2);
        // Warm-up runs once per target: the JIT is warm for the rounds after the first.
        output.ToString().Split('\n').Count(l => l.Contains("warm-up:", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Theory]
    [InlineData(new[] { 1.0 }, 1.0)]
    [InlineData(new[] { 0.3, 0.9, 0.5 }, 0.5)]
    [InlineData(new[] { 0.4, 0.2, 0.8, 0.6 }, 0.5)]
    public void Median_is_the_middle_value_or_the_mean_of_the_middle_two(double[] values, double median) =>
        Statistics.Median(values).ShouldBe(median, 1e-12);

    [Theory]
    [InlineData("limit,redis", "0", 10)]
    [InlineData("limit,redis", "11", 10)]
    [InlineData("limit,inproc,redis", "6", 5)]
    public void Rounds_outside_what_the_workload_has_ids_for_are_refused(string targets, string rounds, int most)
    {
        var (options, error) = OptionsParser.Parse(["--targets", targets, "--rounds", rounds]);

        options.ShouldBeNull();
        // The in-process target needs LIVEs of its own twice a round: for its run, and for its memory pass.
        error.ShouldNotBeNull().ShouldStartWith($"--rounds must be between 1 and {most}");
    }

    [Fact]
    public void Two_host_targets_allow_half_the_rounds_since_each_needs_LIVEs_of_its_own()
    {
        OptionsParser.Parse(["--targets", "client,http,redis", "--rounds", "5"]).Options.ShouldNotBeNull().Rounds.ShouldBe(5);

        OptionsParser.Parse(["--targets", "client,http,redis", "--rounds", "6"]).Error.ShouldNotBeNull().ShouldStartWith("--rounds must be between 1 and 5");
    }
}
