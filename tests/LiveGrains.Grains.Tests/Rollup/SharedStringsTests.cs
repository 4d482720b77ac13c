using LiveGrains.Contracts.Events;
using LiveGrains.Grains.Rollup;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class SharedStringsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    // A string as it comes off the wire: equal to the literal, never the same instance.
    private static string Fresh(string value) => new(value.AsSpan());

    [Fact]
    public void Equal_strings_are_kept_as_one_instance_and_others_as_they_came()
    {
        var pool = new SharedStrings(maxEntries: 2);
        var us = pool.Share(Fresh("US"));

        pool.Share(Fresh("US")).ShouldBeSameAs(us);
        var gb = Fresh("GB");
        pool.Share(gb).ShouldBeSameAs(gb);
        pool.Share(Fresh("GB")).ShouldBeSameAs(gb);
        pool.Share(null).ShouldBeNull();
    }

    [Fact]
    public void A_full_pool_and_a_long_string_give_the_value_back_as_it_came()
    {
        var pool = new SharedStrings(maxEntries: 1);
        pool.Share(Fresh("US"));

        var gb = Fresh("GB");
        pool.Share(gb).ShouldBeSameAs(gb);
        pool.Share(Fresh("GB")).ShouldNotBeSameAs(gb);
        var longText = new string('x', SharedStrings.MaxLength + 1);
        new SharedStrings(10).Share(longText).ShouldBeSameAs(longText);
        new SharedStrings(10).Share(Fresh(longText)).ShouldNotBeSameAs(longText);
    }

    [Fact]
    public void Two_LIVEs_keep_one_instance_of_a_region_a_product_and_a_currency_that_their_events_each_carried()
    {
        LiveRollup Live(string id)
        {
            var r = new LiveRollup();
            var n = 0;
            void Apply(LiveEventData data) => r.Apply(new LiveEvent($"e-{n++}", id, "creator-1", T0.AddSeconds(n), data)).Kind.ShouldBe(ApplyKind.Accepted);
            Apply(new ViewerJoined("v-1", Gender.Female, AgeBand.Age25To34, Fresh("Region-Shared-1"), false, TrafficSource.ForYou));
            Apply(new ProductPinned(Fresh("product-shared-1"), Fresh("Lip tint"), 9.90m, Fresh("USD"), Fresh("/img/lip.svg")));
            Apply(new OrderPaid($"o-{id}", Fresh("product-shared-1"), "b-1", 1, 9.90m, Fresh("USD"), false));
            return r;
        }

        var (a, b) = (Live("live-a"), Live("live-b"));

        a.Viewers.Regions.Single(s => s.Name is not null).Name.ShouldBeSameAs(b.Viewers.Regions.Single(s => s.Name is not null).Name);
        a.Products.Keys.Single().ShouldBeSameAs(b.Products.Keys.Single());
        a.Products.Values.Single().Name.ShouldBeSameAs(b.Products.Values.Single().Name);
        a.PinnedProductId.ShouldBeSameAs(b.PinnedProductId);
        a.Currency.ShouldBeSameAs(b.Currency);
    }
}
