using Microsoft.Playwright;
using Nervewise.Data;
using Nervewise.Testing;

namespace Nervewise.Browser.Tests.Support;

/// <summary>The real app on Kestrel with a fresh SQLite database, and a new browser context per test.</summary>
[Collection(UsesChromium.Name)]
public abstract class BrowserTest(ChromiumFixture chromium) : IAsyncLifetime
{
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    private TestDatabase _database = null!;
    private NervewiseApp _app = null!;
    private IBrowserContext? _context;

    protected Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _app = new NervewiseApp(_database.Settings);
        BaseAddress = _app.StartOnLoopback();
    }

    protected async Task<IPage> OpenAsync(ViewportSize viewport)
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport,
            Locale = "en-GB",
        });
        var page = await _context.NewPageAsync();
        // Anything fetched from outside the app would be a bug (no CDN, no outside fonts): fail loudly.
        // The context sees the service worker's requests too.
        await _context.RouteAsync(url => !url.StartsWith(BaseAddress.ToString(), StringComparison.Ordinal),
            route => throw new InvalidOperationException($"The page asked for an outside resource: {route.Request.Url}"));
        return page;
    }

    /// <summary>
    /// Waits until the service worker controls the page, reloading once if it installed after the page loaded.
    /// Uses timed waits: a promise awaited in the page would hang the test if the worker never installs.
    /// </summary>
    protected static async Task ServiceWorkerInChargeAsync(IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        if (!await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"))
        {
            await page.ReloadAsync();
        }
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });
    }

    /// <summary>Saves a full-page screenshot under the test output, for a person to look at.</summary>
    protected static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("NERVEWISE_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
