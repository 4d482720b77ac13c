using LiveGrains.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace LiveGrains.E2E;

public sealed class EmptyStateTests(E2EFixture fixture)
{
    [Fact]
    public async Task Ongoing_lives_explains_an_agency_without_bound_creators()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.NoCreators}");
        await Expect(page.GetByTestId("empty-no-creators")).ToContainTextAsync("You do not have any bound sellers or creators");
        await E2EFixture.Screenshot(page, "empty-no-bound-creators");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Ongoing_lives_explains_that_no_live_is_on_air()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Idle}");
        await Expect(page.GetByTestId("empty-no-ongoing")).ToContainTextAsync("No ongoing LIVEs right now");
        await E2EFixture.Screenshot(page, "empty-no-ongoing-lives");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task All_lives_explains_that_there_are_no_historical_lives()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/all-lives?agency={World.Idle}");
        await Expect(page.GetByTestId("empty-no-history")).ToContainTextAsync("No historical LIVEs yet");
        await E2EFixture.Screenshot(page, "empty-no-historical-lives");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Ongoing_lives_explains_when_no_live_matches_the_filters()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}&creator=nobody-by-this-name");
        await Expect(page.GetByTestId("empty-no-match")).ToContainTextAsync("No ongoing LIVE matches these filters");
        await E2EFixture.Screenshot(page, "empty-no-matching-lives");
        await page.Context.CloseAsync();
    }
}
