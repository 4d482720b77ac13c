using LiveGrains.LoadGen.Codec;

namespace LiveGrains.LoadGen.Tests;

public sealed class IngestJsonBenchmarkTests
{
    [Fact]
    public void A_short_run_reads_every_body_back_to_the_events_written_and_prints_the_cost()
    {
        var output = new StringWriter();

        IngestJsonBenchmark.Run(events: 3_000, passes: 1, output).ShouldBe(0);

        var text = output.ToString();
        text.ShouldContain("events of the standard workload in");
        text.ShouldContain("ns per event: min");
        text.ShouldContain("B per event");
    }

    [Fact]
    public void No_events_is_refused_by_name() =>
        Should.Throw<ArgumentOutOfRangeException>(() => IngestJsonBenchmark.Run(events: 0, passes: 1, TextWriter.Null)).ParamName.ShouldBe("events");
}
