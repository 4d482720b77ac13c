using System.Text.RegularExpressions;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(LiveGrains.E2E.Support.E2EFixture))]
// One browser against one host on a 2-core machine: tests in sequence keep timings honest.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace LiveGrains.E2E.Support;

/// <summary>The host with its seeded world, and Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed partial class E2EFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DashboardHost Host { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDir { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        Host.StartServer();
        await World.Seed(Host);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies, so its own sign-in) on a 1280-pixel-wide screen.</summary>
    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        // Generous limits: CI machines are shared, and a page or assertion that is merely slow is not a defect.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>The open dialog, once it has finished opening (see <see cref="Settled"/>).</summary>
    public static Task<ILocator> SettledDialog(IPage page) => Settled(page.GetByRole(AriaRole.Dialog));

    /// <summary>
    /// The popup (dialog, dropdown) once its opening animation is over. While it zooms or slides in, a dropped frame
    /// can pass Playwright's stability check, and a click then lands where the control no longer is: reported as
    /// done, seen by nobody.
    /// </summary>
    public static async Task<ILocator> Settled(ILocator popup)
    {
        await Assertions.Expect(popup).ToBeVisibleAsync();
        await Assertions.Expect(popup).Not.ToHaveClassAsync(MotionClass());
        return popup;
    }

    [GeneratedRegex(@"\bant-(zoom|slide-up|slide-down|move-up|fade)-")]
    private static partial Regex MotionClass();

    public static async Task Screenshot(IPage page, string name)
    {
        // Charts animate in for about a second; a picture mid-animation would show half-drawn lines.
        await page.WaitForTimeoutAsync(1_200);
        // A full-page capture of a scrolled page would paint the sticky header halfway down.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, $"{name}.png"), FullPage = true });
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LiveGrains.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
