using System.Text.Json;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.FirstAid;

public sealed class FirstAidTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private const string Password = "slow steady progress";

    private async Task<IPage> RegisterAsync()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Nervewise" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Every diary entry of the signed-in person, through the API with the browser's own cookies.</summary>
    private static async Task<List<JsonElement>> DiaryAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/v1/diary?pageSize=100");
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }

    private static async Task ExpectNoSidewaysScrollAsync(IPage page, string where)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{where} scrolls sideways by {overflow}px.");
    }

    [Fact]
    public async Task Offline_a_flare_up_is_noted_on_the_phone_and_reaches_the_diary_once_when_back_online()
    {
        var page = await RegisterAsync();
        await page.GotoAsync("/first-aid");

        // Let the service worker install (it caches /first-aid and its files) and take control of the page.
        await ServiceWorkerInChargeAsync(page);

        await page.Context.SetOfflineAsync(true);
        var reload = await page.ReloadAsync();
        Assert.NotNull(reload);
        Assert.True(reload.FromServiceWorker, "Offline, the page should come from the service worker's cache.");
        Assert.False(await page.EvaluateAsync<bool>("() => navigator.onLine"));

        var firstAid = new FirstAidPage(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flare-up help");
        // The stylesheet came from the cache too.
        Assert.Equal("flex", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).display"));
        await ScreenshotAsync(page, "first-aid-offline-step1-360");
        await firstAid.ReadGuideAsync();
        await firstAid.NextAsync(); // nothing new in the safety check

        await Assertions.Expect(firstAid.StepHeading).ToHaveTextAsync("At its worst");
        await firstAid.ChooseRegionAsync(FirstAidPage.WorstMap, "Calf");
        await firstAid.ChoosePainAsync("How bad was it at its worst?", 7);
        await ScreenshotAsync(page, "first-aid-offline-worst-360");
        await firstAid.NextAsync();

        await Assertions.Expect(firstAid.StepHeading).ToHaveTextAsync("How is it now?");
        await firstAid.ChooseRegionAsync(FirstAidPage.NowMap, "Buttock");
        await firstAid.ChoosePainAsync("How bad is it now?", 4);
        await firstAid.TickAsync("Changing position");
        await firstAid.TickAsync("Warmth");
        await ExpectNoSidewaysScrollAsync(page, "The note step");
        await firstAid.Button("Save my note").ClickAsync();

        await Assertions.Expect(firstAid.Summary).ToHaveTextAsync("Pain eased from 7 to 4 and moved up to the buttock: good news.");
        await Assertions.Expect(firstAid.Status).ToContainTextAsync("will send when you're back online");
        await ScreenshotAsync(page, "first-aid-offline-saved-360");

        await page.Context.SetOfflineAsync(false);
        // Coming back online sends the queue; fire the event as well in case the emulation does not.
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Assertions.Expect(firstAid.Status).ToHaveTextAsync("Saved to your diary.");
        await ScreenshotAsync(page, "first-aid-sent-360");

        // Another load retries whatever is left: nothing is, so nothing is sent twice.
        await page.ReloadAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.NervewiseQueue.pending()"));

        var diary = await DiaryAsync(page);
        var flare = Assert.Single(diary, e => e.GetProperty("type").GetString() == "flare");
        Assert.Equal("calf", flare.GetProperty("item").GetString());
        Assert.Equal(7m, flare.GetProperty("value").GetDecimal());
        var reliefs = diary.Where(e => e.GetProperty("type").GetString() == "relief")
            .Select(e => (Item: e.GetProperty("item").GetString(), Value: e.GetProperty("value").GetDecimal()))
            .OrderBy(r => r.Item, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([("heat", -3m), ("position-change", -3m)], reliefs);
        Assert.Equal(3, diary.Count);

        // A retry of the same id (say, the answer was lost on the way back) is answered 200 and adds nothing.
        var again = await page.APIRequest.PostAsync("/api/v1/diary", new()
        {
            DataObject = new
            {
                id = flare.GetProperty("id").GetString(),
                time = flare.GetProperty("time").GetString(),
                type = "flare",
                item = "calf",
                value = 7,
                durationMinutes = (int?)null,
                note = "",
            },
        });
        Assert.Equal(200, again.Status);
        Assert.Equal(3, (await DiaryAsync(page)).Count);
    }

    [Fact]
    public async Task The_guide_reads_one_step_at_a_time_without_signing_in()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/first-aid");
        Assert.EndsWith("/first-aid", page.Url, StringComparison.Ordinal);
        var firstAid = new FirstAidPage(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flare-up help");
        await Assertions.Expect(firstAid.StepHeading).ToHaveCountAsync(1);
        await ExpectNoSidewaysScrollAsync(page, "Step 1");
        await ScreenshotAsync(page, "first-aid-step1-360");

        await firstAid.Button("I have changed position").ClickAsync();
        await Assertions.Expect(firstAid.Heading("Find a gentle movement")).ToBeFocusedAsync();
        await firstAid.BackAsync();
        await Assertions.Expect(firstAid.Heading("Stop, and change position")).ToBeFocusedAsync();
        await firstAid.Button("I have changed position").ClickAsync();
        await firstAid.NextAsync();

        await Assertions.Expect(firstAid.Heading("Add warmth")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByText("much more likely to mean the nerve is irritated")).ToBeVisibleAsync();
        var clock = page.GetByRole(AriaRole.Timer);
        await Assertions.Expect(clock).ToHaveTextAsync("20:00");
        await firstAid.Button("Start the 20-minute timer").ClickAsync();
        await Assertions.Expect(clock).ToHaveTextAsync("19:59", new() { Timeout = 5000 });
        await firstAid.Button("Pause").ClickAsync();
        await Assertions.Expect(page.GetByText("Paused with 19:")).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollAsync(page, "Step 3");
        await ScreenshotAsync(page, "first-aid-warmth-360");
        await firstAid.NextAsync();

        await Assertions.Expect(firstAid.Heading("A quick safety check")).ToBeFocusedAsync();
        await firstAid.NextAsync();
        await Assertions.Expect(firstAid.Heading("At its worst")).ToBeFocusedAsync();
        // Nothing chosen: a kind nudge, and no moving on.
        await firstAid.NextAsync();
        await Assertions.Expect(page.GetByText("Please tap the picture")).ToBeVisibleAsync();
        await firstAid.ChooseRegionAsync(FirstAidPage.WorstMap, "Back of thigh");
        await firstAid.ChoosePainAsync("How bad was it at its worst?", 6);
        await firstAid.NextAsync();
        await firstAid.ChoosePainAsync("How bad is it now?", 6);
        await firstAid.Button("Save my note").ClickAsync();

        // Signed out, the note waits on the phone until the person signs in.
        await Assertions.Expect(firstAid.Status).ToContainTextAsync("Sign in to save it");
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.NervewiseQueue.pending()"));
        await ScreenshotAsync(page, "first-aid-signed-out-saved-360");
    }

    [Fact]
    public async Task Without_script_the_guide_shows_every_step_in_order()
    {
        // A context of its own, with script turned off, on the same browser.
        var opened = await OpenAsync(Phone);
        var context = await opened.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = Phone,
            JavaScriptEnabled = false,
        });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/first-aid");
            var headings = await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).AllInnerTextsAsync();
            Assert.Equal(["Stop, and change position", "Find a gentle movement", "Add warmth", "A quick safety check"], headings);
            await Assertions.Expect(page.GetByText("go to an emergency department now").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "first-aid-no-script-360");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_new_red_flag_points_to_urgent_help_and_is_noted()
    {
        var page = await RegisterAsync();
        await page.GotoAsync("/first-aid");
        var firstAid = new FirstAidPage(page);
        await firstAid.ReadGuideAsync();

        await firstAid.TickAsync("Numbness around your genitals, your bottom or the inside of your thighs");
        await firstAid.NextAsync();

        await Assertions.Expect(firstAid.Urgent).ToBeVisibleAsync();
        await Assertions.Expect(firstAid.Urgent).ToContainTextAsync("emergency department");
        await Assertions.Expect(firstAid.Heading("Please get urgent help now")).ToBeFocusedAsync();
        // The safety check stays on screen until the person chooses to carry on.
        await Assertions.Expect(firstAid.StepHeading).ToHaveTextAsync("A quick safety check");
        await ScreenshotAsync(page, "first-aid-red-flag-360");

        await page.WaitForFunctionAsync("() => window.NervewiseQueue.pending() === 0");
        var symptom = Assert.Single(await DiaryAsync(page));
        Assert.Equal("symptom", symptom.GetProperty("type").GetString());
        Assert.Equal("saddle-numbness", symptom.GetProperty("item").GetString());
        Assert.Equal(10m, symptom.GetProperty("value").GetDecimal());

        await firstAid.Button("Carry on to the note").ClickAsync();
        await Assertions.Expect(firstAid.Heading("At its worst")).ToBeFocusedAsync();
    }
}
