using Microsoft.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Testing;

namespace Nervewise.Browser.Tests.Support;

/// <summary>The real app on Kestrel with a fresh SQLite database, and a new browser context per test.</summary>
[Collection(UsesChromium.Name)]
[FailureRecord]
public abstract class BrowserTest(ChromiumFixture chromium) : IAsyncLifetime
{
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    private TestDatabase _database = null!;
    private NervewiseApp _app = null!;
    private readonly List<IBrowserContext> _contexts = [];

    protected Uri BaseAddress { get; private set; } = null!;

    /// <summary>The test's database, for tests that seed many people at once rather than through the forms.</summary>
    protected TestDatabase Database => _database;

    /// <summary>The mail the app sent (its own pickup folder).</summary>
    protected Mailbox Mailbox => _app.Mailbox;

    public async Task InitializeAsync()
    {
        // With the keys an app makes at its first start already made, as the web tests have them.
        _database = await TestDatabase.CreateForAppAsync(DatabaseProvider.Sqlite);
        _app = new NervewiseApp(_database.Settings) { Clock = ServerClock, LogRequests = true };
        BaseAddress = _app.StartOnLoopback();
    }

    /// <summary>The server's clock for this test class; null is the real clock.</summary>
    protected virtual TimeProvider? ServerClock => null;

    /// <summary>A new page; <paramref name="timeZone"/> sets the browser's zone (an IANA id), as a phone abroad has.</summary>
    protected async Task<IPage> OpenAsync(ViewportSize viewport, string? timeZone = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport,
            Locale = "en-GB",
            TimezoneId = timeZone,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        // Anything fetched from outside the app would be a bug (no CDN, no outside fonts): fail loudly.
        // The context sees the service worker's requests too.
        await context.RouteAsync(url => !url.StartsWith(BaseAddress.ToString(), StringComparison.Ordinal),
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

    /// <summary>
    /// Gives a signed-in account the clinician role, as `nervewise users add --role clinician` would, then signs in
    /// again on that page and sets up two-step sign-in, which the app asks of clinicians before anything else.
    /// Returns the authenticator key.
    /// </summary>
    protected async Task<string> MakeClinicianAsync(IPage page, string email, string password)
    {
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            var added = await users.AddToRoleAsync(user, Roles.Clinician);
            Assert.True(added.Succeeded);
        }
        await new SiteHeader(page).SignOutAsync();
        await page.GotoAsync("/account/sign-in");
        await new SignInPage(page).SignInAsync(email, password);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/account/two-factor/setup").ToString());
        var (key, _) = await new TwoFactorSetupPage(page).TurnOnAsync();
        return key;
    }

    /// <summary>Saves a full-page screenshot under the test output, for a person to look at.</summary>
    protected static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder(), name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("NERVEWISE_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>After a failure: the app's log and each open page's HTML, beside the screenshots.</summary>
    private async Task RecordFailureAsync()
    {
        var name = Path.Combine(ScreenshotFolder(), "failed-" + (FailureRecordAttribute.Current ?? GetType().Name));
        await File.WriteAllTextAsync(name + ".log", _app.Log.Text());
        var pages = _contexts.SelectMany(context => context.Pages).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            try
            {
                // A page stuck in a navigation may not answer: the log matters more than its HTML.
                var html = await pages[i].ContentAsync().WaitAsync(TimeSpan.FromSeconds(10));
                await File.WriteAllTextAsync($"{name}-page{i + 1}.html", $"<!-- {pages[i].Url} -->\n{html}");
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                await File.WriteAllTextAsync($"{name}-page{i + 1}.html", $"<!-- {pages[i].Url}: no HTML ({e.Message}) -->");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (FailureRecordAttribute.Failed)
        {
            await RecordFailureAsync();
        }
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
