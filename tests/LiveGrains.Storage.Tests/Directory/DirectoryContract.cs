using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.Events;

namespace LiveGrains.Storage.Tests.Directory;

/// <summary>
/// What every creator directory must do, whatever it is built on: the in-memory directory of embedded mode and the
/// Postgres directory of cluster mode both run these.
/// </summary>
public abstract class DirectoryContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<ICreatorDirectory> Directory();

    /// <summary>Agency <paramref name="agencyId"/> with the named creators (id → name) bound to it.</summary>
    private static async Task<ICreatorDirectory> Agency(ICreatorDirectory directory, string agencyId, params (string Id, string Name)[] creators)
    {
        await directory.UpsertAgencyAsync(agencyId, $"Agency {agencyId}", Ct);
        foreach (var (id, name) in creators)
        {
            await directory.UpsertCreatorAsync(id, name, $"https://img.example/{id}.png", CreatorType.Affiliate, Ct);
            await directory.BindCreatorAsync(id, agencyId, T0, Ct);
        }
        return directory;
    }

    private static async Task<List<string>> Ids(ICreatorDirectory directory, string agencyId, string? search = null) =>
        (await directory.SearchCreatorsAsync(new CreatorSearch(agencyId, search, PageSize: CreatorSearch.MaxPageSize), Ct)).Items.Select(c => c.CreatorId).ToList();

    [Fact]
    public async Task An_agency_without_creators_gets_an_empty_page()
    {
        var directory = await Agency(await Directory(), "empty");

        var page = await directory.SearchCreatorsAsync(new CreatorSearch("empty"), Ct);

        (page.Items.Count, page.Total, page.PageNumber, page.PageSize).ShouldBe((0, 0L, 1, CreatorSearch.DefaultPageSize));
        (await directory.SearchCreatorsAsync(new CreatorSearch("never-written"), Ct)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Without_search_text_every_bound_creator_is_listed_by_name_then_id()
    {
        var directory = await Agency(await Directory(), "a", ("c3", "bravo"), ("c2", "Alpha"), ("c1", "alpha"), ("c4", "Charlie"));

        var page = await directory.SearchCreatorsAsync(new CreatorSearch("a", "  "), Ct);

        page.Items.Select(c => c.CreatorId).ShouldBe(["c1", "c2", "c3", "c4"]);
        page.Total.ShouldBe(4);
        page.Items[1].ShouldBe(new Contracts.Views.CreatorProfile("c2", "Alpha", "https://img.example/c2.png", CreatorType.Affiliate, "a", null));
    }

    [Fact]
    public async Task Search_matches_a_substring_of_the_name_ignoring_case()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "Luna Beauty"), ("c2", "Mr Lunatic"), ("c3", "Solar Shop"));

        (await Ids(directory, "a", "LUN")).ShouldBe(["c1", "c2"]);
        (await Ids(directory, "a", "beau")).ShouldBe(["c1"]);
        (await Ids(directory, "a", " shop ")).ShouldBe(["c3"]);
        (await Ids(directory, "a", "moon")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_matches_a_substring_of_the_id_ignoring_case()
    {
        var directory = await Agency(await Directory(), "a", ("CR-7001", "Zed"), ("cr-7002", "Yan"), ("other", "Xi"));

        (await Ids(directory, "a", "cr-700")).ShouldBe(["cr-7002", "CR-7001"]);
        (await Ids(directory, "a", "7001")).ShouldBe(["CR-7001"]);
    }

    [Fact]
    public async Task Search_text_is_literal_so_wildcard_characters_match_only_themselves()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "100% Deals"), ("c2", "Best_Buys"), ("c3", "Plain"));

        (await Ids(directory, "a", "%")).ShouldBe(["c1"]);
        (await Ids(directory, "a", "_")).ShouldBe(["c2"]);
    }

    [Fact]
    public async Task Pages_cover_every_creator_once_and_the_last_page_is_partial()
    {
        var creators = Enumerable.Range(0, 25).Select(i => ($"c{i:00}", $"Creator {i:00}")).ToArray();
        var directory = await Agency(await Directory(), "a", creators);

        var pages = new List<Contracts.History.Page<Contracts.Views.CreatorProfile>>();
        for (var p = 1; p <= 3; p++) pages.Add(await directory.SearchCreatorsAsync(new CreatorSearch("a", Page: p, PageSize: 10), Ct));

        pages.Select(p => p.Items.Count).ShouldBe([10, 10, 5]);
        pages.ShouldAllBe(p => p.Total == 25);
        pages.Select(p => p.PageNumber).ShouldBe([1, 2, 3]);
        pages.SelectMany(p => p.Items).Select(c => c.CreatorId).ShouldBe(creators.Select(c => c.Item1));
    }

    [Fact]
    public async Task A_page_beyond_the_end_is_empty_and_still_counts_the_matches()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "One"), ("c2", "Two"));

        var page = await directory.SearchCreatorsAsync(new CreatorSearch("a", Page: 3, PageSize: 2), Ct);

        (page.Items.Count, page.Total, page.PageNumber).ShouldBe((0, 2L, 3));
    }

    [Fact]
    public async Task Paging_applies_to_the_search_results()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "Shop A"), ("c2", "Other"), ("c3", "Shop B"), ("c4", "Shop C"));

        var page = await directory.SearchCreatorsAsync(new CreatorSearch("a", "shop", Page: 2, PageSize: 2), Ct);

        page.Items.Select(c => c.CreatorId).ShouldBe(["c4"]);
        page.Total.ShouldBe(3);
    }

    [Fact]
    public async Task Another_agencys_creators_never_appear()
    {
        var directory = await Directory();
        await Agency(directory, "mine", ("m1", "Shared Name"));
        await Agency(directory, "theirs", ("t1", "Shared Name"), ("t2", "Only Theirs"));

        (await Ids(directory, "mine")).ShouldBe(["m1"]);
        (await Ids(directory, "mine", "shared")).ShouldBe(["m1"]);
        (await Ids(directory, "mine", "t2")).ShouldBeEmpty();
        (await directory.SearchCreatorsAsync(new CreatorSearch("mine"), Ct)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task The_ids_bound_now_leave_out_creators_who_left_or_moved_and_those_of_other_agencies()
    {
        var directory = await Agency(await Directory(), "a", ("stayer", "Stayer"), ("leaver", "Leaver"), ("mover", "Mover"));
        await Agency(directory, "b", ("other", "Other"));
        await directory.UnbindCreatorAsync("leaver", "a", T0.AddHours(1), Ct);
        await directory.BindCreatorAsync("mover", "b", T0.AddHours(2), Ct);

        (await directory.GetBoundCreatorIdsAsync("a", Ct)).ShouldBe(["stayer"]);
        (await directory.GetBoundCreatorIdsAsync("b", Ct)).ShouldBe(["mover", "other"], ignoreOrder: true);
        (await directory.GetBoundCreatorIdsAsync("never-written", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rebinding_moves_a_creator_to_its_new_agency_and_keeps_the_old_binding_in_its_history()
    {
        var directory = await Agency(await Directory(), "old", ("mover", "Mover"), ("stayer", "Stayer"));
        await Agency(directory, "new");

        await directory.BindCreatorAsync("mover", "new", T0.AddDays(1), Ct);

        (await Ids(directory, "old")).ShouldBe(["stayer"]);
        (await Ids(directory, "new")).ShouldBe(["mover"]);
        (await directory.SearchCreatorsAsync(new CreatorSearch("new"), Ct)).Items.Single().AgencyId.ShouldBe("new");
        (await directory.GetBindingsAsync("mover", Ct)).ShouldBe([
            new CreatorBinding("mover", "old", T0, T0.AddDays(1)),
            new CreatorBinding("mover", "new", T0.AddDays(1), null),
        ]);
    }

    [Fact]
    public async Task Unbinding_a_creator_removes_it_from_search_and_keeps_its_binding_history()
    {
        var directory = await Agency(await Directory(), "a", ("leaver", "Leaver"), ("stayer", "Stayer"));

        await directory.UnbindCreatorAsync("leaver", "a", T0.AddHours(5), Ct);

        (await Ids(directory, "a")).ShouldBe(["stayer"]);
        (await directory.GetBindingsAsync("leaver", Ct)).ShouldBe([new CreatorBinding("leaver", "a", T0, T0.AddHours(5))]);
    }

    [Fact]
    public async Task A_creator_that_comes_back_has_one_binding_per_period()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "Returner"));
        await directory.UnbindCreatorAsync("c1", "a", T0.AddDays(1), Ct);

        await directory.BindCreatorAsync("c1", "a", T0.AddDays(2), Ct);

        (await Ids(directory, "a")).ShouldBe(["c1"]);
        (await directory.GetBindingsAsync("c1", Ct)).ShouldBe([
            new CreatorBinding("c1", "a", T0, T0.AddDays(1)),
            new CreatorBinding("c1", "a", T0.AddDays(2), null),
        ]);
    }

    [Fact]
    public async Task Unbinding_from_an_agency_the_creator_is_not_bound_to_changes_nothing()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "Bound"));
        await Agency(directory, "b");

        await directory.UnbindCreatorAsync("c1", "b", T0.AddDays(1), Ct);
        await directory.UnbindCreatorAsync("nobody", "a", T0.AddDays(1), Ct);

        (await Ids(directory, "a")).ShouldBe(["c1"]);
        (await directory.GetBindingsAsync("c1", Ct)).ShouldBe([new CreatorBinding("c1", "a", T0, null)]);
        (await directory.GetBindingsAsync("nobody", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Repeating_a_write_is_harmless()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "Once"));

        await Agency(directory, "a", ("c1", "Once"));
        await directory.BindCreatorAsync("c1", "a", T0.AddMinutes(1), Ct);
        await directory.UnbindCreatorAsync("c1", "a", T0.AddHours(1), Ct);
        await directory.UnbindCreatorAsync("c1", "a", T0.AddHours(2), Ct);

        (await directory.GetBindingsAsync("c1", Ct)).ShouldBe([new CreatorBinding("c1", "a", T0, T0.AddHours(1))]);
        (await Ids(directory, "a")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_returns_the_latest_profile()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "Before"));

        await directory.UpsertCreatorAsync("c1", "After", null, CreatorType.Seller, Ct);

        (await directory.SearchCreatorsAsync(new CreatorSearch("a"), Ct)).Items.ShouldBe(
            [new Contracts.Views.CreatorProfile("c1", "After", null, CreatorType.Seller, "a", null)]);
        (await Ids(directory, "a", "before")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_creator_bound_before_it_has_a_profile_is_listed_under_its_id()
    {
        var directory = await Directory();

        await directory.BindCreatorAsync("no-profile", "unnamed-agency", T0, Ct);

        (await directory.SearchCreatorsAsync(new CreatorSearch("unnamed-agency"), Ct)).Items.ShouldBe(
            [new Contracts.Views.CreatorProfile("no-profile", "no-profile", null, CreatorType.Seller, "unnamed-agency", null)]);
    }

    [Fact]
    public async Task A_binding_never_ends_before_it_began()
    {
        var directory = await Agency(await Directory(), "a", ("c1", "Skewed"));

        // Another silo's clock, a little behind the one that bound the creator.
        await directory.UnbindCreatorAsync("c1", "a", T0.AddSeconds(-2), Ct);

        (await directory.GetBindingsAsync("c1", Ct)).ShouldBe([new CreatorBinding("c1", "a", T0, T0)]);
    }

    [Theory]
    [InlineData(0, 20, "page")]
    [InlineData(-1, 20, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, CreatorSearch.MaxPageSize + 1, "pageSize")]
    public async Task Invalid_paging_is_rejected_naming_the_field(int page, int pageSize, string field)
    {
        var directory = await Directory();
        var query = new CreatorSearch("a", Page: page, PageSize: pageSize);

        query.Validate().ShouldStartWith(field + " ");
        (await Should.ThrowAsync<ArgumentException>(() => directory.SearchCreatorsAsync(query, Ct))).Message.ShouldStartWith(field + " ");
    }

    [Fact]
    public async Task Search_text_longer_than_any_name_is_rejected()
    {
        var directory = await Directory();
        var query = new CreatorSearch("a", new string('x', CreatorSearch.MaxSearchLength + 1));

        query.Validate().ShouldStartWith("search ");
        await Should.ThrowAsync<ArgumentException>(() => directory.SearchCreatorsAsync(query, Ct));
    }
}
