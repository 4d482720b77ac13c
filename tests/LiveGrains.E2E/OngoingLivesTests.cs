using System.Text.RegularExpressions;
using LiveGrains.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveGrains.E2E;

public sealed class OngoingLivesTests(E2EFixture fixture)
{
    private static ILocator Card(IPage page, string liveId) => page.Locator($"[data-testid=live-card][data-live-id='{liveId}']");

    [Fact]
    public async Task Root_lands_on_ongoing_lives_with_a_card_per_live_and_the_feed_connected()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/?agency={World.Main}");
        await Expect(page).ToHaveURLAsync(new Regex("/ongoing\\?agency=e2e-main"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ongoing LIVEs" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=live-card]")).ToHaveCountAsync(3);
        var ana = Card(page, World.AnaLive);
        await Expect(ana.Locator(".creator-name")).ToHaveTextAsync("Ana Seller");
        await Expect(ana.Locator(".ant-avatar")).ToHaveTextAsync("AS");
        await Expect(ana.Locator("[data-testid=live-duration]")).ToHaveTextAsync(new Regex(@"^0:0\d:\d\d$"));
        await Expect(ana.Locator("[data-testid=metric-gmv]")).ToHaveTextAsync("$50.00");
        await Expect(ana.GetByText("Ceramic mug")).ToBeVisibleAsync();
        await Expect(ana.Locator("[data-testid=pinned-price]")).ToHaveTextAsync("$12.50");
        await Expect(ana.Locator(".pinned-product img")).ToHaveAttributeAsync("src", "/demo/products/p1.svg");
        await Expect(ana.GetByText("Love this mug #4")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=feed-state]")).ToHaveAttributeAsync("data-state", "live");
        await E2EFixture.Screenshot(page, "ongoing-lives");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_card_metric_changes_on_screen_after_an_event_is_ingested_without_reload()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}");
        var gmv = Card(page, World.BenLive).Locator("[data-testid=metric-gmv]");
        await Expect(gmv).ToHaveTextAsync("$300.00");
        await Expect(page.Locator("[data-testid=feed-state]")).ToHaveAttributeAsync("data-state", "live");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        using var client = fixture.Host.ServiceClient();
        await fixture.Host.Ingest(client, [Events.Order(World.BenLive, "c-ben", DateTimeOffset.UtcNow, "ben-live-o2", 1234.5m, isAffiliate: true)]);

        await Expect(gmv).ToHaveTextAsync("$1,534.50", new() { Timeout = 15_000 });
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the page must update in place, not reload");
        await E2EFixture.Screenshot(page, "ongoing-live-update");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Hovering_the_violation_tag_shows_the_reason()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}");
        var cara = Card(page, World.CaraLive);
        await cara.Locator("[data-testid=violation-tag]").HoverAsync();
        var tooltip = page.Locator("[data-testid=violation-tooltip]");
        await Expect(tooltip).ToBeVisibleAsync();
        await Expect(tooltip).ToContainTextAsync(World.ViolationReason);
        await Expect(tooltip).ToContainTextAsync("Restricted products");
        await Expect(cara.Locator("[data-testid=attention-tag]")).ToBeVisibleAsync();
        await E2EFixture.Screenshot(page, "ongoing-violation-tooltip");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_focus_on_the_violation_tag_also_shows_the_reason()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}");
        await Card(page, World.CaraLive).Locator("[data-testid=violation-tag]").FocusAsync();
        await Expect(page.Locator("[data-testid=violation-tooltip]")).ToContainTextAsync(World.ViolationReason);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Hovering_a_metric_question_mark_shows_its_catalog_definition()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}");
        await Card(page, World.AnaLive).Locator("[data-testid=help-gmv]").HoverAsync();
        await Expect(page.GetByRole(AriaRole.Tooltip)).ToContainTextAsync("Gross merchandise value");
        await E2EFixture.Screenshot(page, "ongoing-metric-definition");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Status_filter_shows_only_lives_in_violation_and_the_back_button_restores_all()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}");
        await Expect(page.Locator("[data-testid=live-card]")).ToHaveCountAsync(3);
        await page.GetByText("LIVEs in Violation").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("status=in_violation"));
        await Expect(page.Locator("[data-testid=live-card]")).ToHaveCountAsync(1);
        await Expect(Card(page, World.CaraLive)).ToBeVisibleAsync();
        await E2EFixture.Screenshot(page, "ongoing-filter-violation");
        await page.GoBackAsync();
        await Expect(page.Locator("[data-testid=live-card]")).ToHaveCountAsync(3);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Creator_name_and_type_filters_narrow_the_cards_and_stay_in_the_url()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}");
        await page.GetByLabel("Creator name").FillAsync("ben");
        await Expect(page).ToHaveURLAsync(new Regex("creator=ben"));
        await Expect(page.Locator("[data-testid=live-card]")).ToHaveCountAsync(1);
        await Expect(Card(page, World.BenLive)).ToBeVisibleAsync();

        await page.GotoAsync($"/ongoing?agency={World.Main}&creatorType=seller");
        await Expect(page.Locator("[data-testid=live-card]")).ToHaveCountAsync(1);
        await Expect(Card(page, World.AnaLive)).ToBeVisibleAsync();
        await E2EFixture.Screenshot(page, "ongoing-filter-seller");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sorting_by_affiliate_gmv_orders_the_cards_and_refresh_reloads_them()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}&sort=earliest");
        await Expect(page.Locator("[data-testid=live-card]").First).ToHaveAttributeAsync("data-live-id", World.CaraLive);

        await page.GetByLabel("Sort by").First.ClickAsync();
        await page.GetByTitle("Affiliate GMV: lowest to highest").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=affiliate_gmv_asc"));
        await Expect(page.Locator("[data-testid=live-card]").First).ToHaveAttributeAsync("data-live-id", World.AnaLive);

        var refreshed = page.WaitForResponseAsync(r => r.Url.Contains("/lives/ongoing", StringComparison.Ordinal) && r.Status == 200);
        await page.GetByTestId("refresh").ClickAsync();
        await refreshed;
        await E2EFixture.Screenshot(page, "ongoing-sort-affiliate-gmv");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Fourth_pin_shows_the_limit_message_and_pinned_lives_come_first()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Pins}&sort=latest");
        await Expect(page.Locator("[data-testid=live-card]")).ToHaveCountAsync(4);
        // The oldest three go first; pinned cards must then lead the latest-first order.
        foreach (var liveId in World.PinLives.Take(3))
        {
            await Card(page, liveId).Locator("[data-testid=pin-button]").ClickAsync();
            await Expect(Card(page, liveId).Locator("[data-testid=pin-button]")).ToHaveAttributeAsync("aria-pressed", "true");
        }
        await Expect(page.Locator("[data-testid=live-card]").First).ToHaveAttributeAsync("data-live-id", World.PinLives[0]);
        await Expect(page.Locator("[data-testid=live-card]").Last).ToHaveAttributeAsync("data-live-id", World.PinLives[3]);

        await Card(page, World.PinLives[3]).Locator("[data-testid=pin-button]").ClickAsync();
        await Expect(page.GetByTestId("pin-message")).ToContainTextAsync("You can pin at most 3 LIVEs. Unpin one before pinning another.");
        await Expect(Card(page, World.PinLives[3]).Locator("[data-testid=pin-button]")).ToHaveAttributeAsync("aria-pressed", "false");
        await E2EFixture.Screenshot(page, "ongoing-fourth-pin");

        await Card(page, World.PinLives[0]).Locator("[data-testid=pin-button]").ClickAsync();
        await Expect(Card(page, World.PinLives[0]).Locator("[data-testid=pin-button]")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Customising_card_metrics_lists_the_catalog_with_definitions_and_changes_the_cards()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Metrics}");
        var card = Card(page, World.MetricsLive);
        await Expect(card.Locator("[data-metric=likes]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Customise metrics" }).ClickAsync();
        var dialog = await E2EFixture.SettledDialog(page);
        await Expect(dialog).ToContainTextAsync("Customise metrics shown on each LIVE card");
        await Expect(dialog).ToContainTextAsync("Gross merchandise value: the total amount of orders paid during the LIVE");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Likes", Exact = true }).CheckAsync();
        await E2EFixture.Screenshot(page, "ongoing-customise-metrics");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(card.Locator("[data-metric=likes]")).ToBeVisibleAsync();
        await Expect(card.Locator("[data-testid=metric-likes]")).ToHaveTextAsync("0");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_feed_reconnection_while_customising_card_metrics_keeps_the_unsaved_choice()
    {
        var page = await fixture.NewPage();
        var withholding = false;
        var withheldDelta = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IWebSocketRoute? pageSide = null;
        // Sits between the page and the hub: while withholding, what the hub pushes never reaches the page,
        // so after the reconnection the new order can only come from the fresh snapshot.
        await page.RouteWebSocketAsync(new Regex("/hubs/live"), ws =>
        {
            pageSide = ws;
            var server = ws.ConnectToServer();
            server.OnMessage(frame =>
            {
                if (!Volatile.Read(ref withholding))
                {
                    if (frame.Text is { } text) ws.Send(text);
                    else ws.Send(frame.Binary!);
                }
                else if (frame.Text?.Contains(World.ReconnectLive, StringComparison.Ordinal) == true)
                {
                    withheldDelta.TrySetResult();
                }
            });
        });
        await page.GotoAsync($"/ongoing?agency={World.Reconnect}");
        var gmv = Card(page, World.ReconnectLive).Locator("[data-testid=metric-gmv]");
        await Expect(gmv).ToHaveTextAsync("$20.00");
        await Expect(page.Locator("[data-testid=feed-state]")).ToHaveAttributeAsync("data-state", "live");

        await page.GetByRole(AriaRole.Button, new() { Name = "Customise metrics" }).ClickAsync();
        var dialog = await E2EFixture.SettledDialog(page);
        var shares = dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Shares", Exact = true });
        await Expect(shares).Not.ToBeCheckedAsync();
        await shares.CheckAsync();
        var count = await dialog.GetByTestId("picker-count").TextContentAsync();

        Volatile.Write(ref withholding, true);
        using var client = fixture.Host.ServiceClient();
        await fixture.Host.Ingest(client, [Events.Order(World.ReconnectLive, "c-rec", DateTimeOffset.UtcNow, "rec-o2", 100m, isAffiliate: false)]);
        await withheldDelta.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Volatile.Write(ref withholding, false);
        await pageSide!.CloseAsync(new() { Code = 1012, Reason = "service restart" });

        await Expect(gmv).ToHaveTextAsync("$120.00", new() { Timeout = 20_000 });
        await Expect(shares).ToBeCheckedAsync();
        await Expect(dialog.GetByTestId("picker-count")).ToHaveTextAsync(count!);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_live_dashboard_link_opens_the_live_and_back_returns_to_the_cards()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/ongoing?agency={World.Main}");
        await Card(page, World.AnaLive).GetByTestId("dashboard-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/lives/{World.AnaLive}"));
        await Expect(page.GetByTestId("live-creator")).ToHaveTextAsync("Ana Seller");
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ongoing"));
        await Expect(page.Locator("[data-testid=live-card]")).ToHaveCountAsync(3);
        await page.Context.CloseAsync();
    }
}
