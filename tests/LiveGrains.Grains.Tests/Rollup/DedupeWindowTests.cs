using LiveGrains.Grains.Rollup;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class DedupeWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static UInt128 Id(int i) => FingerprintSet.Fingerprint($"e-{i}");

    [Fact]
    public void An_id_is_recognised_whatever_occurredAt_its_retry_carries()
    {
        var window = new DedupeWindow();
        window.Add(Id(1), T0);
        window.Add(Id(2), T0.AddMinutes(6));

        window.Check(Id(1), T0.AddMinutes(7)).ShouldBe(DedupeCheck.Seen);
        window.Check(Id(2), T0).ShouldBe(DedupeCheck.Seen);
        window.Check(Id(3), T0.AddMinutes(3)).ShouldBe(DedupeCheck.New);
    }

    [Fact]
    public void Events_up_to_the_window_before_the_newest_are_inside_and_older_ones_before_it()
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        window.Add(Id(1), T0);
        window.Add(Id(2), T0.AddHours(1));

        window.Check(Id(3), T0.AddHours(1) - TimeSpan.FromMinutes(10)).ShouldBe(DedupeCheck.New);
        window.Check(Id(1), T0).ShouldBe(DedupeCheck.BeforeWindow);
        window.Start.ShouldBeLessThanOrEqualTo(T0.AddMinutes(50));
        window.Start.ShouldBeGreaterThan(T0.AddMinutes(44));
    }

    [Fact]
    public void A_long_LIVE_remembers_only_the_ids_of_its_window()
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(10));
        // Six hours at four events a second, a little out of order.
        for (var i = 0; i < 6 * 3600 * 4; i++) window.Add(Id(i), T0.AddSeconds(i / 4.0 - i % 7));

        window.Generations.Count.ShouldBe(3);
        window.Count.ShouldBeLessThanOrEqualTo(15 * 60 * 4 + 7 * 4);
        window.Count.ShouldBeGreaterThanOrEqualTo(10 * 60 * 4);
    }

    [Fact]
    public void An_id_from_before_the_window_is_not_remembered()
    {
        var window = new DedupeWindow();
        window.Add(Id(1), T0.AddHours(1));
        window.Add(Id(2), T0);

        window.Count.ShouldBe(1);
    }

    [Fact]
    public void A_window_keeps_its_length_once_it_holds_ids()
    {
        var window = new DedupeWindow();
        window.UseLength(TimeSpan.FromMinutes(30));
        window.Add(Id(1), T0);
        window.UseLength(TimeSpan.FromMinutes(2));

        window.Length.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void A_window_shorter_than_two_seconds_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new DedupeWindow().UseLength(TimeSpan.FromSeconds(1)))
            .Message.ShouldContain("at least 2 seconds");
    }

    [Fact]
    public void A_window_survives_the_serializer()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var window = new DedupeWindow();
        for (var i = 0; i < 100; i++) window.Add(Id(i), T0.AddMinutes(i / 10.0));

        var copy = serializer.Deserialize<DedupeWindow>(serializer.SerializeToArray(window)).ShouldNotBeNull();

        copy.Count.ShouldBe(window.Count);
        copy.Start.ShouldBe(window.Start);
        copy.Check(Id(99), T0.AddMinutes(9.9)).ShouldBe(DedupeCheck.Seen);
        copy.Check(Id(100), T0.AddMinutes(9.9)).ShouldBe(DedupeCheck.New);
    }
}
