using System.Globalization;
using LiveGrains.LoadGen.Rollup;

namespace LiveGrains.LoadGen.Tests;

public sealed class RollupMemoryBenchmarkTests
{
    [Fact]
    public void Each_time_on_air_gets_a_column_whose_parts_add_up_to_its_total()
    {
        var output = new StringWriter();

        RollupMemoryBenchmark.Run(lives: 30, minutesOnAir: [2, 12], output).ShouldBe(0);

        var rows = output.ToString().Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        rows[0].ShouldBe("| | 2 min on air | 12 min on air |");
        double Cell(string row, int column) => double.Parse(
            rows.Single(r => r.StartsWith($"| {row} |", StringComparison.Ordinal)).Split('|')[column + 2].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);
        for (var column = 0; column < 2; column++)
        {
            var parts = rows.Where(r => r.Contains(", KiB |", StringComparison.Ordinal)).Select(r => r.Split('|')[1].Trim()[..^", KiB".Length]).ToList();
            parts.Count.ShouldBe(10);
            // Heap sizes are not asserted: other tests share this process's heap. How they add up is exact whatever they are.
            parts.Sum(p => Cell(p + ", KiB", column)).ShouldBe(Cell("total, KiB per LIVE", column), 0.05);
        }
        rows.ShouldContain(r => r.StartsWith("| event ids spelled as GUIDs instead, KiB (not in the total) |", StringComparison.Ordinal));
        // Ten more minutes on air: more events, and more of their ids in the window.
        Cell("events per LIVE", 1).ShouldBeGreaterThan(3 * Cell("events per LIVE", 0));
        Cell("event ids remembered per LIVE", 1).ShouldBeGreaterThan(Cell("event ids remembered per LIVE", 0));
    }
}
