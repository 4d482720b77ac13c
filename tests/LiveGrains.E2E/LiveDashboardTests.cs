using System.Text.RegularExpressions;
using LiveGrains.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveGrains.E2E;

public sealed class LiveDashboardTests(E2EFixture fixture)
{
    [Fact]
    public async Task Live_dashboard_shows_the_overview_trends_comments_and_product_promotion_violation_tabs()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/lives/{World.AnaLive}?agency={World.Main}");
        await Expect(page.GetByTestId("live-creator")).ToHaveTextAsync("Ana Seller");
        await Expect(page.GetByTestId("live-status")).ToHaveTextAsync(new Regex("LIVE"));
        await Expect(page.GetByTestId("overview-gmv")).ToHaveTextAsync("$50.00");
        await Expect(page.GetByTestId("overview-orders")).ToHaveTextAsync("5");
        await Expect(page.GetByTestId("trend-gmv").Locator("canvas")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("comment-feed")).ToContainTextAsync("Love this mug #0");

        await Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("Ceramic mug");
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Promotion") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("tab=promotions"));
        await Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("20% off all mugs");
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Violation") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("No violations were recorded in this LIVE.");
        await E2EFixture.Screenshot(page, "live-dashboard");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Violation_tab_lists_the_violation_record()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/lives/{World.CaraLive}?agency={World.Main}&tab=violations");
        await Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync(World.ViolationReason);
        await Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("Restricted products");
        await E2EFixture.Screenshot(page, "live-dashboard-violations");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task User_profile_carousel_opens_the_viewer_analysis_charts()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/lives/{World.AnaLive}?agency={World.Main}");
        await page.Locator(".slick-active [data-testid^=profile-slide-]").First.ClickAsync();
        var dialog = await E2EFixture.SettledDialog(page);
        await Expect(dialog).ToContainTextAsync("LIVE viewer analysis");
        foreach (var tab in new[] { "Gender", "Age", "Region", "Followers vs non-followers", "Traffic source" })
        {
            await dialog.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Tabpanel).Locator("canvas")).ToBeVisibleAsync();
        }
        await E2EFixture.Screenshot(page, "live-dashboard-viewer-analysis");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Performance_trends_follow_the_chosen_metrics_and_extend_live()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/lives/{World.AnaLive}?agency={World.Main}&trends=gmv,likes");
        await Expect(page.GetByTestId("trend-gmv")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("trend-likes")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("trend-current_viewers")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=feed-state]")).ToHaveAttributeAsync("data-state", "live");

        using var client = fixture.Host.ServiceClient();
        await fixture.Host.Ingest(client, [Events.Comment(World.AnaLive, "c-ana", DateTimeOffset.UtcNow, "latecomer", "Just joined, hello!")]);
        await Expect(page.GetByTestId("comment-feed")).ToContainTextAsync("Just joined, hello!", new() { Timeout = 15_000 });
        await E2EFixture.Screenshot(page, "live-dashboard-trends");
        await page.Context.CloseAsync();
    }
}
