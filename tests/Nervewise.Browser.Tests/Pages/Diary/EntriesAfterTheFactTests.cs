using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Diary;

/// <summary>Logging after the fact on a phone far from UTC: the "when" choices, sleep by the night, edit and undo.</summary>
public sealed class EntriesAfterTheFactTests(ChromiumFixture fixture) : BrowserTest(fixture), IAsyncLifetime
{
    private readonly ChromiumFixture _chromium = fixture;
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A phone whose clock is in Auckland, registered there (tz.js hands the zone to the account).</summary>
    private async Task<IPage> AucklandPhoneAsync()
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), ViewportSize = Phone, Locale = "en-GB", TimezoneId = "Pacific/Auckland",
        });
        _contexts.Add(context);
        await context.RouteAsync(url => !url.StartsWith(BaseAddress.ToString(), StringComparison.Ordinal),
            route => throw new InvalidOperationException($"The page asked for an outside resource: {route.Request.Url}"));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        return page;
    }

    [Fact]
    public async Task Pain_from_yesterday_afternoon_takes_a_region_two_taps_for_when_and_a_score_then_edits_and_undoes()
    {
        var page = await AucklandPhoneAsync();
        await page.GotoAsync("/diary/pain");
        await page.GetByRole(AriaRole.Link, new() { Name = "Calf, left" }).ClickAsync();
        await page.GetByText("Yesterday", new() { Exact = true }).ClickAsync();
        await page.GetByText("Afternoon").Last.ClickAsync();
        await ScreenshotAsync(page, "entries-pain-when-360");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"));
        await page.GetByRole(AriaRole.Button, new() { Name = "6", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("pain 6/10 (");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("15:00)");

        await page.GotoAsync("/diary/sleep");
        await page.GetByText("7½", new() { Exact = true }).ClickAsync();
        await ScreenshotAsync(page, "entries-sleep-360");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Saved: 7½ h of sleep, the night that began on");

        await page.GotoAsync("/diary");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Pain in calf" }).ClickAsync();
        await Assertions.Expect(page.Locator("form[data-edit-entry] .body-map")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back of knee, left" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-region-name]")).ToHaveTextAsync("back of knee, left");
        await ScreenshotAsync(page, "entries-edit-360");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"));
        await page.GetByText("Delete this entry…").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete it" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Deleted: Pain in calf, left: 6/10.")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "entries-undo-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Brought back: Pain in calf, left: 6/10.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".entry-list").GetByText("Pain in calf, left: 6/10")).ToBeVisibleAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
