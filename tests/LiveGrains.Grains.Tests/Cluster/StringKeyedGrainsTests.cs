using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class StringKeyedGrainsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_reference_built_from_the_cached_identity_is_the_one_GetGrain_returns_and_reaches_the_same_grain()
    {
        var first = StringKeyedGrains<ICreatorGrain>.Get(fixture.Grains, "keyed-c1");
        var second = StringKeyedGrains<ICreatorGrain>.Get(fixture.Grains, "keyed-c2");

        first.ShouldBe(fixture.Grains.GetGrain<ICreatorGrain>("keyed-c1"));
        second.ShouldBe(fixture.Grains.GetGrain<ICreatorGrain>("keyed-c2"));
        await second.SetProfile("Keyed Kim", null, CreatorType.Affiliate);
        (await fixture.Grains.GetGrain<ICreatorGrain>("keyed-c2").GetProfile()).Name.ShouldBe("Keyed Kim");
    }
}
