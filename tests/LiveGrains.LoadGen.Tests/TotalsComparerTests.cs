using LiveGrains.LoadGen.Targets;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Tests;

public sealed class TotalsComparerTests
{
    private static LiveTotals Live(string id, long orders, long gmvCents) =>
        new(id, 0, 0, orders, orders, gmvCents, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void Equal_totals_pass()
    {
        var expected = new Dictionary<string, LiveTotals> { ["L1"] = Live("L1", 3, 7_470) };
        var observed = new Dictionary<string, LiveTotals?> { ["L1"] = Live("L1", 3, 7_470) };

        TotalsComparer.Compare(expected, observed).Passed.ShouldBe(true);
    }

    [Fact]
    public void A_difference_of_one_cent_fails_and_is_named()
    {
        var expected = new Dictionary<string, LiveTotals> { ["L1"] = Live("L1", 3, 7_470), ["L2"] = Live("L2", 1, 100) };
        var observed = new Dictionary<string, LiveTotals?> { ["L1"] = Live("L1", 3, 7_469), ["L2"] = null };

        var result = TotalsComparer.Compare(expected, observed);

        result.Passed.ShouldBe(false);
        result.Summary.ShouldContain("2 of 2 LIVEs differ");
        result.Differences.ShouldContain("LIVE L1: gmvCents expected 7470, system says 7469 (-1)");
        result.Differences.ShouldContain("LIVE L2: not found");
    }
}
