using System.Diagnostics;
using LiveGrains.LoadGen.Durable;

namespace LiveGrains.LoadGen.Tests;

public sealed class SteadyWindowTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact]
    public void Sustained_rate_leaves_out_the_first_and_last_five_percent_of_a_round()
    {
        var window = new SteadyWindow(1_000);
        window.Acknowledged(50, 0);               // 5 %: the window opens here
        window.Acknowledged(400, Second);
        window.Acknowledged(500, 2 * Second);     // 95 %: the window closes here, 900 events after it opened
        window.Acknowledged(50, 60 * Second);     // a slow drain does not count

        window.EventsPerSecond(wholeRoundRate: 1).ShouldBe(450, tolerance: 0.001);
    }

    [Fact]
    public void A_round_acknowledged_in_one_piece_has_only_its_whole_round_rate()
    {
        var window = new SteadyWindow(1_000);
        window.Acknowledged(1_000, Second);

        window.EventsPerSecond(wholeRoundRate: 123).ShouldBe(123);
    }
}
