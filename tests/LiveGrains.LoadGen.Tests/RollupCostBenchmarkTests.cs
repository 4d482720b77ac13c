using LiveGrains.LoadGen.Rollup;

namespace LiveGrains.LoadGen.Tests;

public sealed class RollupCostBenchmarkTests
{
    [Fact]
    public void Each_world_gets_a_row_with_its_events_and_what_its_rollups_accepted()
    {
        var output = new StringWriter();

        var exitCode = RollupCostBenchmark.Run(eventsPerLive: 30, passes: 2, output, worlds: [20, 50], jitWarmUp: TimeSpan.Zero, minutesOnAir: [2, 5]);

        exitCode.ShouldBe(0);
        var rows = output.ToString().Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])).ToList();
        // The worlds' table, then the totals by time on air.
        rows.Select(r => r.Split('|')[1].Trim()).ShouldBe(["20", "50", "2", "5"]);
        foreach (var cells in rows.Take(2).Select(r => r.Split('|').Select(c => c.Trim()).ToArray()))
        {
            var events = long.Parse(cells[2], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
            var accepted = long.Parse(cells[7], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
            // The workload re-sends a few events with the same id: those are the only ones a rollup turns down.
            accepted.ShouldBeLessThan(events);
            accepted.ShouldBeGreaterThan(events * 9 / 10);
        }
        // A card built by a tick: its time and the bytes it allocates.
        foreach (var cells in rows.Skip(2).Select(r => r.Split('|').Select(c => c.Trim()).ToArray()))
        {
            var bytes = cells[6].Split(" / ")[1];
            long.Parse(bytes, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        }
    }
}
