using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Diary;

public sealed class DiaryTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private async Task<IPage> SignedInPhoneAsync()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        return page;
    }

    [Fact]
    public async Task Pain_is_logged_on_the_body_map_in_two_taps_on_a_phone()
    {
        var page = await SignedInPhoneAsync();
        await page.GotoAsync("/diary/pain");
        await ScreenshotAsync(page, "diary-pain-map-360");

        // Both legs, each label inside its own shape: no label wider than the shape it names.
        var spills = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('.body-map a.region')]
            .filter(a => { const r = a.querySelector('rect').getBBox(), t = a.querySelector('text').getBBox();
                return t.x < r.x || t.y < r.y || t.x + t.width > r.x + r.width || t.y + t.height > r.y + r.height; })
            .map(a => a.getAttribute('aria-label'))");
        Assert.Empty(spills);
        await page.GetByRole(AriaRole.Link, new() { Name = "Calf, right", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-region-name]")).ToHaveTextAsync("calf, right");
        await page.GetByRole(AriaRole.Button, new() { Name = "6", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: calf, right, pain 6/10.");
        await ScreenshotAsync(page, "diary-pain-map-saved-360");
        await page.GotoAsync("/diary");
        await Assertions.Expect(page.GetByText("Pain in calf, right: 6/10")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "diary-list-360");
    }

    [Fact]
    public async Task The_body_map_works_with_the_keyboard()
    {
        var page = await SignedInPhoneAsync();
        await page.GotoAsync("/diary/pain");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back of knee, left", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The score step names the region once it is chosen: wait for it, so the next key never beats the choice.
        await Assertions.Expect(page.Locator("[data-region-name]")).ToHaveTextAsync("back of knee, left");
        await page.GetByRole(AriaRole.Button, new() { Name = "3", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("back of knee, left, pain 3/10");
    }

    [Fact]
    public async Task The_timeline_shows_weeks_of_pain_and_the_pain_retreating()
    {
        var page = await SignedInPhoneAsync();
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(1));
        string[] reach = ["foot", "calf", "back-of-knee", "posterior-thigh"];
        for (var day = 27; day >= 0; day--)
        {
            var time = today.AddDays(-day).ToString("yyyy-MM-dd'T'09:00:00zzz", CultureInfo.InvariantCulture);
            var region = reach[Math.Min(3, (27 - day) / 7)];
            await Post(page, new { id = Guid.NewGuid(), time, type = "pain", item = region, value = 3 + (day % 4) });
            if (day % 9 == 0)
            {
                await Post(page, new { id = Guid.NewGuid(), time = time.Replace("09:00", "22:00", StringComparison.Ordinal), type = "flare", item = region, value = 8, durationMinutes = 40 });
            }
        }

        await page.GotoAsync("/diary/timeline?weeks=4");

        await Assertions.Expect(page.GetByText("Good news")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Worst pain each day" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "diary-timeline-360");
        await page.GotoAsync("/checkin");
        await ScreenshotAsync(page, "checkin-360");
    }

    private static async Task Post(IPage page, object entry)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/diary", new() { DataObject = entry });
        Assert.True(response.Status is 200 or 201, $"{response.Status}: {await response.TextAsync()}");
    }

    [Fact]
    public async Task Pain_logged_offline_is_sent_once_when_the_connection_returns()
    {
        var page = await SignedInPhoneAsync();
        await page.GotoAsync("/diary/pain");
        await ServiceWorkerInChargeAsync(page);

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Buttock, left", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "4", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "4", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-queue-status]")).ToContainTextAsync("will send when you're back online");
        await ScreenshotAsync(page, "diary-pain-offline-360");

        await page.Context.SetOfflineAsync(false);
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.NervewiseQueue && window.NervewiseQueue.pending() === 0");

        var diary = await page.APIRequest.GetAsync("/api/v1/diary");
        using var json = JsonDocument.Parse(await diary.TextAsync());
        var entries = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        var only = Assert.Single(entries);
        Assert.Equal("buttock", only.GetProperty("item").GetString());
        Assert.Equal("[left]", only.GetProperty("note").GetString()); // the side, offline too
        Assert.Equal(4, only.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task After_signing_out_the_phone_no_longer_keeps_the_diary_pages()
    {
        var page = await SignedInPhoneAsync();
        await page.GotoAsync("/diary/pain");
        await ServiceWorkerInChargeAsync(page);
        const string kept = "() => caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.match('/diary/pain'))))).then(found => found.some(r => !!r))";
        await page.WaitForFunctionAsync(kept, null, new() { Timeout = 15_000 });

        await new SiteHeader(page).SignOutAsync();
        await page.WaitForFunctionAsync($"() => ({kept})().then(k => !k)", null, new() { Timeout = 15_000 });

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/diary/pain");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are offline");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Flare-up help" })).ToBeVisibleAsync();
        // It says what still works and what waits, not only flare-up help.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Works without a connection" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waits for a connection" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("goes to your diary by itself when the connection is back")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "offline-page-360");
    }
}
