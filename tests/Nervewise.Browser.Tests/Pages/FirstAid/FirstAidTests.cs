using System.Text.Json;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;

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

    /// <summary>Text on screen now: the steps not yet reached are in the page, hidden, and do not count.</summary>
    private static ILocator Shown(IPage page, string text) => page.Locator($"text={text} >> visible=true");

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
        await firstAid.ReadGuideAsync(); // "none of these" on the safety check, then the settling steps

        await firstAid.ChooseRegionAsync(FirstAidPage.WorstMap, "Calf, left");
        await firstAid.ChoosePainAsync("How bad was it at its worst?", 7);
        await ScreenshotAsync(page, "first-aid-offline-worst-360");
        await firstAid.NextAsync();

        await Assertions.Expect(firstAid.StepHeading).ToHaveTextAsync("How is it now?");
        await firstAid.ChooseRegionAsync(FirstAidPage.NowMap, "Buttock, left");
        await firstAid.ChoosePainAsync("How bad is it now?", 4);
        await firstAid.TickAsync("Changing position");
        await firstAid.TickAsync("Warmth");
        await ExpectNoSidewaysScrollAsync(page, "The note step");
        await firstAid.Button("Save my note").ClickAsync();

        await Assertions.Expect(firstAid.Summary).ToHaveTextAsync("Pain eased from 7 to 4 and moved up to the buttock, left: good news.");
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
        Assert.Equal("[left]", flare.GetProperty("note").GetString());
        var pain = Assert.Single(diary, e => e.GetProperty("type").GetString() == "pain");
        Assert.Equal(("buttock", 4m, "[left]"), (pain.GetProperty("item").GetString(), pain.GetProperty("value").GetDecimal(), pain.GetProperty("note").GetString()));
        // No step was given its own number: the two things ticked share the change, and each says so.
        var reliefs = diary.Where(e => e.GetProperty("type").GetString() == "relief")
            .Select(e => (Item: e.GetProperty("item").GetString(), Value: e.GetProperty("value").GetDecimal(), Note: e.GetProperty("note").GetString()))
            .OrderBy(r => r.Item, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([("heat", -3m, "tried together with changing position"), ("position-change", -3m, "tried together with warmth")], reliefs);
        Assert.Equal(4, diary.Count);

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
        Assert.Equal(4, (await DiaryAsync(page)).Count);
    }

    [Fact]
    public async Task The_guide_asks_the_warning_signs_first_then_reads_one_step_at_a_time_without_signing_in()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/first-aid");
        Assert.EndsWith("/first-aid", page.Url, StringComparison.Ordinal);
        var firstAid = new FirstAidPage(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flare-up help");
        await Assertions.Expect(firstAid.StepHeading).ToHaveCountAsync(1);
        await Assertions.Expect(firstAid.StepHeading).ToHaveTextAsync("First, a quick safety check");
        foreach (var sign in WarningSigns.FirstAidScreen())
        {
            await Assertions.Expect(page.Locator($"label[for='sign-{sign.Item}']")).ToHaveTextAsync(sign.Says, new() { IgnoreCase = true });
        }
        // Nothing soothing is on screen before the answers.
        await Assertions.Expect(Shown(page, "warmth")).ToHaveCountAsync(0);
        await ExpectNoSidewaysScrollAsync(page, "The safety check");
        await ScreenshotAsync(page, "first-aid-step1-360");

        // Neither ticked nor "none": a kind nudge, and no moving on.
        await firstAid.GetHelpAsync();
        await Assertions.Expect(page.GetByText("Tick each sign you have now")).ToBeVisibleAsync();
        await Assertions.Expect(firstAid.StepHeading).ToHaveTextAsync("First, a quick safety check");

        await firstAid.NoneAsync();
        await Assertions.Expect(firstAid.Heading("How bad is it right now?")).ToBeFocusedAsync();
        await firstAid.BackAsync();
        await Assertions.Expect(firstAid.Heading("First, a quick safety check")).ToBeFocusedAsync();
        await firstAid.NoneAsync();
        await firstAid.NextAsync();
        await firstAid.Button("I have changed position").ClickAsync();
        await Assertions.Expect(firstAid.Heading("Find a gentle movement")).ToBeFocusedAsync();
        await firstAid.NextAsync();

        await Assertions.Expect(firstAid.Heading("Add warmth, with care")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByText("numb, or feels less than usual")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("in the last 72 hours")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("you might fall asleep with it on")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Look at your skin every few minutes")).ToBeVisibleAsync();
        var clock = page.GetByRole(AriaRole.Timer);
        await Assertions.Expect(clock).ToHaveTextAsync("20:00");
        await firstAid.Button("Start the 20-minute timer").ClickAsync();
        await Assertions.Expect(clock).ToHaveTextAsync("19:59", new() { Timeout = 5000 });
        await firstAid.Button("Pause").ClickAsync();
        await Assertions.Expect(page.GetByText("Paused with 19:")).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollAsync(page, "The warmth step");
        await ScreenshotAsync(page, "first-aid-warmth-360");
        await firstAid.NextAsync();

        await Assertions.Expect(firstAid.Heading("At its worst")).ToBeFocusedAsync();
        // Nothing chosen: a kind nudge, and no moving on.
        await firstAid.NextAsync();
        await Assertions.Expect(page.GetByText("Please tap the picture")).ToBeVisibleAsync();
        await firstAid.ChooseRegionAsync(FirstAidPage.WorstMap, "Back of thigh, left");
        await firstAid.ChoosePainAsync("How bad was it at its worst?", 6);
        await firstAid.NextAsync();
        await firstAid.ChoosePainAsync("How bad is it now?", 6);
        await firstAid.Button("Save my note").ClickAsync();

        // Signed out, the note waits on the phone until the person signs in.
        await Assertions.Expect(firstAid.Status).ToContainTextAsync("Sign in to save it");
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        Assert.Equal(2, await page.EvaluateAsync<int>("() => window.NervewiseQueue.pending()")); // the flare and the pain now
        await ScreenshotAsync(page, "first-aid-signed-out-saved-360");
    }

    [Fact]
    public async Task A_yes_to_bladder_goes_straight_to_the_emergency_screen_with_a_call_link()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/first-aid");
        var firstAid = new FirstAidPage(page);

        await firstAid.TickSignAsync("bladder-bowel-change");
        await firstAid.NoneAsync(); // a tick wins, whichever button is pressed

        await Assertions.Expect(firstAid.Heading(AssessmentWording.For(Urgency.Emergency).Headline)).ToBeFocusedAsync();
        await Assertions.Expect(firstAid.Help).ToContainTextAsync(AssessmentWording.For(Urgency.Emergency).Instructions);
        await Assertions.Expect(firstAid.Help.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([WarningSigns.Says("bladder-bowel-change")], new() { IgnoreCase = true });
        await Assertions.Expect(firstAid.Call).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(firstAid.Call).ToHaveTextAsync("Call 999");
        // Nothing else: no steps, no warmth, no reassurance.
        await Assertions.Expect(firstAid.StepHeading).ToHaveCountAsync(1);
        await Assertions.Expect(Shown(page, "warmth")).ToHaveCountAsync(0);
        await Assertions.Expect(Shown(page, "damage")).ToHaveCountAsync(0);
        await Assertions.Expect(Shown(page, "steps that may help")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToHaveCountAsync(0);
        await ExpectNoSidewaysScrollAsync(page, "The emergency screen");
        await ScreenshotAsync(page, "first-aid-yes-bladder-emergency-360");

        // Signed out, the answer waits on the phone as a red-flag symptom until the person signs in.
        await Assertions.Expect(firstAid.Help.GetByRole(AriaRole.Status)).ToContainTextAsync("Sign in to save it");
        var queued = await page.EvaluateAsync<string>("() => localStorage.getItem('nervewise.diary-queue.v1')");
        Assert.Contains("\"type\":\"symptom\",\"item\":\"bladder-bowel-change\",\"value\":10", queued, StringComparison.Ordinal);

        // The lesson it links to lists the same sign, in the same words, under the same action.
        await firstAid.Help.GetByRole(AriaRole.Link, new() { Name = "All the warning signs, and how soon to be seen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("When to get help, and why scans can wait");
        var emergency = page.Locator("article p", new() { HasText = AssessmentWording.For(Urgency.Emergency).Headline + " if you have:" });
        await Assertions.Expect(emergency.Locator("xpath=following-sibling::ul[1]/li").First).ToHaveTextAsync(WarningSigns.Says("bladder-bowel-change"));
        await ExpectNoSidewaysScrollAsync(page, "The warning signs lesson");
        await ScreenshotAsync(page, "first-aid-warning-signs-lesson-360");
    }

    [Fact]
    public async Task Several_yes_answers_take_the_engines_urgency_on_the_phone()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/first-aid");
        var firstAid = new FirstAidPage(page);

        // Both legs alone: see a doctor today, with the call link.
        await firstAid.TickSignAsync("both-legs");
        await firstAid.GetHelpAsync();
        await Assertions.Expect(firstAid.Heading(AssessmentWording.For(Urgency.Today).Headline)).ToBeFocusedAsync();
        await Assertions.Expect(firstAid.Call).ToHaveAttributeAsync("href", "tel:999");
        await ScreenshotAsync(page, "first-aid-yes-both-legs-today-360");

        // Both legs with a dropped foot: the engine makes it an emergency.
        await page.GotoAsync("/first-aid");
        await firstAid.TickSignAsync("both-legs");
        await firstAid.TickSignAsync("foot-drop");
        await firstAid.GetHelpAsync();
        await Assertions.Expect(firstAid.Heading(AssessmentWording.For(Urgency.Emergency).Headline)).ToBeFocusedAsync();
        await Assertions.Expect(firstAid.Help.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Without_script_the_questions_are_posted_and_answered_by_the_server()
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
            var headings = page.GetByRole(AriaRole.Heading, new() { Level = 2 });
            // Only the questions: the steps wait for the answer.
            Assert.Equal(["First, a quick safety check"], await headings.AllInnerTextsAsync());
            await ScreenshotAsync(page, "first-aid-no-script-360");

            await page.GetByRole(AriaRole.Button, new() { Name = "None of these" }).ClickAsync();
            await Assertions.Expect(headings).ToHaveTextAsync(["Stop, and change position", "Find a gentle movement", "Add warmth, with care"]);
            await Assertions.Expect(page.GetByText("numb, or feels less than usual")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "first-aid-no-script-steps-360");

            await page.GotoAsync("/first-aid");
            await page.Locator("#sign-saddle-numbness").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Get help for what I ticked" }).ClickAsync();
            await Assertions.Expect(headings).ToHaveTextAsync([AssessmentWording.For(Urgency.Emergency).Headline]);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
            await Assertions.Expect(Shown(page, "warmth")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "first-aid-no-script-emergency-360");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_signed_in_yes_is_noted_and_every_page_then_shows_the_card_first()
    {
        var page = await RegisterAsync();
        await page.GotoAsync("/first-aid");
        var firstAid = new FirstAidPage(page);

        await firstAid.TickSignAsync("saddle-numbness");
        await firstAid.GetHelpAsync();

        await Assertions.Expect(firstAid.Heading(AssessmentWording.For(Urgency.Emergency).Headline)).ToBeFocusedAsync();
        await Assertions.Expect(firstAid.Call).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(firstAid.Help.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved to your diary.");
        await ScreenshotAsync(page, "first-aid-red-flag-360");

        var symptom = Assert.Single(await DiaryAsync(page));
        Assert.Equal("symptom", symptom.GetProperty("type").GetString());
        Assert.Equal("saddle-numbness", symptom.GetProperty("item").GetString());
        Assert.Equal(10m, symptom.GetProperty("value").GetDecimal());

        // The one safety state: Today, the plan and flare-up help itself now open on the full-screen card.
        foreach (var url in new[] { "/today", "/plan", "/first-aid" })
        {
            await page.GotoAsync(url);
            var card = page.Locator("main > .safety-card:first-child");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-urgency", "emergency");
            await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToBeVisibleAsync();
            await Assertions.Expect(card).ToContainTextAsync(WarningSigns.Says("saddle-numbness"));
            await ScreenshotAsync(page, "first-aid-after-red-flag" + url.Replace('/', '-') + "-360");
        }
        // Flare-up help under the card: the questions, and no movement or heat advice.
        await page.GotoAsync("/first-aid");
        await firstAid.NoneAsync();
        await Assertions.Expect(firstAid.Heading("Your warning sign comes first")).ToBeFocusedAsync();
        await Assertions.Expect(Shown(page, "warmth")).ToHaveCountAsync(0);
        await Assertions.Expect(Shown(page, "gentle movement")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "first-aid-held-under-card-360");
    }

    [Fact]
    public async Task Each_step_is_credited_with_its_own_change_the_timer_ends_with_a_buzz_and_a_sound_and_the_note_leads_back_to_today()
    {
        var page = await RegisterAsync();
        // The phone's clock, vibration and sound, as the page sees them.
        await page.Clock.InstallAsync();
        await page.AddInitScriptAsync(@"window.__buzz = null; window.__tones = 0;
            navigator.vibrate = pattern => { window.__buzz = pattern; return true; };
            const make = AudioContext.prototype.createOscillator;
            AudioContext.prototype.createOscillator = function () { window.__tones++; return make.call(this); };");
        await page.GotoAsync("/first-aid");
        var firstAid = new FirstAidPage(page);

        await firstAid.NoneAsync();
        await Assertions.Expect(firstAid.StepHeading).ToHaveTextAsync("How bad is it right now?");
        await firstAid.ChoosePainAsync("How bad is the pain right now?", 8);
        await firstAid.NextAsync();
        await firstAid.ChoosePainAsync("After changing position, how bad is the pain?", 6);
        await ScreenshotAsync(page, "first-aid-step-rated-360");
        await firstAid.Button("I have changed position").ClickAsync();
        await firstAid.NextAsync(); // movement: not tried, no number

        await Assertions.Expect(firstAid.StepHeading).ToHaveTextAsync("Add warmth, with care");
        await firstAid.Button("Start the 20-minute timer").ClickAsync();
        await page.Clock.RunForAsync(20 * 60 * 1000 + 1000);
        await Assertions.Expect(page.GetByText("Time is up. You can take the warmth away now.")).ToBeVisibleAsync();
        Assert.Equal(5, await page.EvaluateAsync<int>("() => window.__buzz && window.__buzz.length"));
        Assert.True(await page.EvaluateAsync<int>("() => window.__tones") >= 3, "The end of the timer should sound.");
        await firstAid.ChoosePainAsync("After the warmth, how bad is the pain?", 5);
        await firstAid.NextAsync();

        await firstAid.ChooseRegionAsync(FirstAidPage.WorstMap, "Back of thigh, right");
        await firstAid.ChoosePainAsync("How bad was it at its worst?", 8);
        await firstAid.NextAsync();
        // Steps with their own number are not asked again.
        await Assertions.Expect(page.GetByText("Did you try anything else?")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Warmth", new() { Exact = true })).ToBeHiddenAsync();
        await firstAid.ChoosePainAsync("How bad is it now?", 4);
        await page.GetByRole(AriaRole.Group, new() { Name = "How long has this flare-up lasted?" }).GetByLabel("2 hours").CheckAsync();
        await firstAid.TickAsync("Pain medicine");
        await ExpectNoSidewaysScrollAsync(page, "The note step");
        await ScreenshotAsync(page, "first-aid-now-360");
        await firstAid.Button("Save my note").ClickAsync();

        await Assertions.Expect(firstAid.Status).ToHaveTextAsync("Saved to your diary.");
        var today = page.GetByRole(AriaRole.Link, new() { Name = "Back to Today" });
        await Assertions.Expect(today).ToBeVisibleAsync();
        await ScreenshotAsync(page, "first-aid-done-360");

        var diary = await DiaryAsync(page);
        var flare = Assert.Single(diary, e => e.GetProperty("type").GetString() == "flare");
        Assert.Equal(("posterior-thigh", 8m, 120, "[right]"),
            (flare.GetProperty("item").GetString(), flare.GetProperty("value").GetDecimal(), flare.GetProperty("durationMinutes").GetInt32(), flare.GetProperty("note").GetString()));
        var pain = Assert.Single(diary, e => e.GetProperty("type").GetString() == "pain");
        Assert.Equal(("posterior-thigh", 4m, "[right]"), (pain.GetProperty("item").GetString(), pain.GetProperty("value").GetDecimal(), pain.GetProperty("note").GetString()));
        var reliefs = diary.Where(e => e.GetProperty("type").GetString() == "relief")
            .ToDictionary(e => e.GetProperty("item").GetString()!, e => e.GetProperty("value").GetDecimal());
        // 8 before, 6 after changing position, 5 after warmth, 4 at the end with pain medicine: each its own part.
        Assert.Equal(new Dictionary<string, decimal> { ["position-change"] = -2, ["heat"] = -1, ["medication"] = -1 }, reliefs);
        var heat = Assert.Single(diary, e => e.GetProperty("item").GetString() == "heat");
        Assert.Equal(20, heat.GetProperty("durationMinutes").GetInt32());
        // The flare began two hours before the note, not when the page was opened.
        var began = DateTimeOffset.Parse(flare.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var noted = DateTimeOffset.Parse(pain.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(120, (int)Math.Round((noted - began).TotalMinutes));

        await today.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/today").ToString());
    }
}
