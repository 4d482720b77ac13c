using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Cluster;

/// <summary>Creator and agency grains write their profiles and bindings through to the creator directory.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CreatorDirectoryTests(ClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<CreatorProfile>> Search(string agencyId, string? text = null) =>
        (await fixture.Directory.SearchCreatorsAsync(new CreatorSearch(agencyId, text), Ct)).Items;

    [Fact]
    public async Task A_creators_profile_and_binding_are_searchable_in_its_agency()
    {
        var creator = fixture.Grains.GetGrain<ICreatorGrain>("dir-c1");
        await fixture.Grains.GetGrain<IAgencyGrain>("dir-agency-1").Rename("Directory Agency");

        await creator.SetProfile("Searchable Sam", "https://img.example/sam.png", CreatorType.Seller);
        await creator.BindAgency("dir-agency-1");

        (await Search("dir-agency-1", "sam")).ShouldBe(
            [new CreatorProfile("dir-c1", "Searchable Sam", "https://img.example/sam.png", CreatorType.Seller, "dir-agency-1", null)]);
    }

    [Fact]
    public async Task Moving_a_creator_to_another_agency_moves_it_in_search_and_keeps_its_past_binding()
    {
        var creator = fixture.Grains.GetGrain<ICreatorGrain>("dir-mover");
        await creator.SetProfile("Mover", null, CreatorType.Affiliate);
        await creator.BindAgency("dir-from");

        await creator.BindAgency("dir-to");

        (await Search("dir-from")).ShouldBeEmpty();
        (await Search("dir-to")).Select(c => c.CreatorId).ShouldBe(["dir-mover"]);
        var history = await fixture.Directory.GetBindingsAsync("dir-mover", Ct);
        history.Select(b => (b.AgencyId, b.UnboundAt is null)).ShouldBe([("dir-from", false), ("dir-to", true)]);
    }

    [Fact]
    public async Task Unbinding_a_creator_removes_it_from_search_and_keeps_its_binding_history()
    {
        var creator = fixture.Grains.GetGrain<ICreatorGrain>("dir-leaver");
        await creator.BindAgency("dir-left");

        (await creator.UnbindAgency("dir-left")).Succeeded.ShouldBeTrue();

        (await Search("dir-left")).ShouldBeEmpty();
        (await fixture.Directory.GetBindingsAsync("dir-leaver", Ct)).Single().UnboundAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Retrying_a_bind_whose_directory_write_was_lost_brings_the_directory_back_in_line()
    {
        var creator = fixture.Grains.GetGrain<ICreatorGrain>("dir-retry");
        await creator.BindAgency("dir-retry-agency");
        // As if the directory write had failed after the grain saved its state.
        await fixture.Directory.UnbindCreatorAsync("dir-retry", "dir-retry-agency", DateTimeOffset.UtcNow, Ct);
        (await Search("dir-retry-agency")).ShouldBeEmpty();

        (await creator.BindAgency("dir-retry-agency")).Succeeded.ShouldBeTrue();

        (await Search("dir-retry-agency")).Select(c => c.CreatorId).ShouldBe(["dir-retry"]);
    }
}
