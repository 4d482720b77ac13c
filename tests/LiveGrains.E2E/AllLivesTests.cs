using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using LiveGrains.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveGrains.E2E;

public sealed class AllLivesTests(E2EFixture fixture)
{
    [Fact]
    public async Task All_lives_lists_completed_lives_with_metric_definitions_and_links_to_the_dashboard()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/all-lives?agency={World.Main}");
        var rows = page.Locator(".ant-table-tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("Dan History");
        await Expect(rows.First).ToContainTextAsync("$420.00");
        await Expect(rows.First).ToContainTextAsync("0:45:00");
        await page.Locator(".ant-table-thead [data-testid=help-gmv]").HoverAsync();
        await Expect(page.GetByRole(AriaRole.Tooltip).Filter(new() { HasText = "Gross merchandise value" })).ToBeVisibleAsync();
        await E2EFixture.Screenshot(page, "all-lives");

        await rows.First.GetByTestId("row-dashboard-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/lives/{World.DanPastLive}"));
        await Expect(page.GetByTestId("live-status")).ToHaveTextAsync("Ended");
        await Expect(page.GetByTestId("trend-gmv").Locator("canvas")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Searching_a_creator_shows_only_that_creators_lives()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/all-lives?agency={World.Main}");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Creator", Exact = true }).FillAsync("Ana");
        var options = await E2EFixture.Settled(page.Locator(".ant-select-dropdown"));
        await options.Locator(".ant-select-item-option").Filter(new() { HasText = "Ana Seller" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("creator=c-ana"));
        var rows = page.Locator(".ant-table-tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Ana's first LIVE");
        await E2EFixture.Screenshot(page, "all-lives-creator");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_start_date_range_limits_the_lives_listed_and_the_export()
    {
        var page = await fixture.NewPage();
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-3).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1.5).ToString("O", CultureInfo.InvariantCulture));
        await page.GotoAsync($"/all-lives?agency={World.Main}&from={from}&to={to}");
        var rows = page.Locator(".ant-table-tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Ana's first LIVE");
        await Expect(page.GetByPlaceholder("Start date")).Not.ToHaveValueAsync("");
        await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new Regex("from=.*&to="));
        await E2EFixture.Screenshot(page, "all-lives-date-range");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sorting_by_a_metric_column_reorders_the_table()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/all-lives?agency={World.Main}&sort=metric_asc&sortMetric=gmv");
        var rows = page.Locator(".ant-table-tbody tr.ant-table-row");
        await Expect(rows.First).ToContainTextAsync("Ana Seller");
        await page.Locator("th").Filter(new() { HasText = "GMV" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=metric_desc"));
        await Expect(rows.First).ToContainTextAsync("Dan History");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tenth_list_metric_is_refused_with_a_message()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/all-lives?agency={World.Main}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Customise metrics" }).ClickAsync();
        var dialog = await E2EFixture.SettledDialog(page);
        await Expect(dialog.GetByTestId("picker-count")).ToHaveTextAsync("9 / 9");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Likes", Exact = true }).ClickAsync();
        await Expect(dialog.GetByTestId("picker-message")).ToContainTextAsync("You can choose at most 9 metrics");
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Likes", Exact = true })).Not.ToBeCheckedAsync();
        await Expect(dialog.GetByTestId("picker-count")).ToHaveTextAsync("9 / 9");
        await E2EFixture.Screenshot(page, "all-lives-tenth-metric");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Export_all_live_data_downloads_a_csv_of_the_listed_lives()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/all-lives?agency={World.Main}");
        await Expect(page.Locator(".ant-table-tbody tr.ant-table-row")).ToHaveCountAsync(2);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var path = await download.PathAsync();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        records.Count.ShouldBe(2);
        records.Select(r => r["LIVE ID"].ToString()).ShouldBe([World.DanPastLive, World.AnaPastLive], ignoreOrder: true);
        decimal.Parse(records.Single(r => r["LIVE ID"].ToString() == World.DanPastLive)["GMV"].ToString()!, CultureInfo.InvariantCulture).ShouldBe(420m);
        await E2EFixture.Screenshot(page, "all-lives-export");
        await page.Context.CloseAsync();
    }
}
