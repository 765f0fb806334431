using System.Globalization;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Plan;

/// <summary>
/// Today and the plan on a 360 px phone at each urgency of the one safety state: the card first, nothing to exercise at
/// urgent or higher, the plan held at its step at soon, and a check recorded at /safety/check brings the plan back.
/// </summary>
public sealed class SafetyTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    /// <summary>Ten days of sliders, the slump slider made daily so that today always has a session.</summary>
    private async Task<IPage> PersonOnSlidersAsync()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        var now = DateTimeOffset.UtcNow;
        for (var day = 10; day >= 1; day--)
        {
            var date = now.AddDays(-day);
            await PostAsync(page, "/api/v1/diary", new { id = Guid.NewGuid(), time = Time(date, 8), type = "pain", item = "posterior-thigh", value = 2 });
            await PostAsync(page, "/api/v1/diary", new { id = Guid.NewGuid(), time = Time(date, 18), type = "exercise", item = "slump-slider", value = 2, durationMinutes = 5 });
        }
        var settings = await page.APIRequest.PutAsync("/api/v1/plan/settings", new() { DataObject = new { doses = new Dictionary<string, object> { ["slump-slider"] = new { perWeek = 7 } } } });
        Assert.Equal(200, settings.Status);
        return page;
    }

    private static string Time(DateTimeOffset date, int hour) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{hour:00}:00:00+00:00";

    private static async Task PostAsync(IPage page, string url, object body)
    {
        var response = await page.APIRequest.PostAsync(url, new() { DataObject = body });
        Assert.True(response.Status is 200 or 201, $"{response.Status}: {await response.TextAsync()}");
    }

    private static async Task SignAsync(IPage page, string item, string from)
    {
        if (from == "diary")
        {
            await PostAsync(page, "/api/v1/diary", new { id = Guid.NewGuid(), time = Time(DateTimeOffset.UtcNow.AddDays(-1), 21), type = "symptom", item, value = 4 });
            return;
        }
        var answers = new Dictionary<string, object> { ["pins-and-needles"] = true, [item] = true };
        if (item == "weakness")
        {
            answers["progressive-weakness"] = false;
        }
        await PostAsync(page, "/api/v1/assessments", answers);
    }

    /// <summary>The card is the first thing in the page's main content, and nothing is wider than the phone.</summary>
    private static async Task CardFirstAsync(IPage page, string level)
    {
        var first = page.Locator("main > :first-child");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-urgency", level);
        await Assertions.Expect(first).ToBeInViewportAsync();
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page is {width} px wide on a 360 px phone.");
    }

    [Theory]
    [InlineData("emergency", "saddle-numbness", "assessment")]
    [InlineData("today", "foot-drop", "diary")]
    [InlineData("urgent", "cancer-history", "assessment")]
    [InlineData("soon", "weakness", "diary")]
    public async Task Today_and_the_plan_put_the_card_first_and_obey_it_on_a_phone(string level, string item, string from)
    {
        var page = await PersonOnSlidersAsync();
        await SignAsync(page, item, from);
        var paused = level is "emergency" or "today" or "urgent";

        await page.GotoAsync("/today");
        await CardFirstAsync(page, level);
        var card = page.Locator("main > .safety-card");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "A doctor or physiotherapist has checked this" })).ToBeVisibleAsync();
        if (level is "emergency" or "today")
        {
            await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Flare-up? Get help now" })).ToBeVisibleAsync();
        await SomeOrNoneAsync(page.GetByRole(AriaRole.Link, new() { Name = "Do it", Exact = false }), !paused);
        await ScreenshotAsync(page, $"today-{level}-360");

        await page.GotoAsync("/plan");
        await CardFirstAsync(page, level);
        await SomeOrNoneAsync(page.Locator("article.exercise-card"), !paused);
        await Assertions.Expect(page.Locator("form[action='/plan/calendar.ics']")).ToHaveCountAsync(paused ? 0 : 1);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = paused ? "Your plan is paused" : "Your plan this week" })).ToBeVisibleAsync();
        if (!paused)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan stays at nerve sliders for now" })).ToBeVisibleAsync();
        }
        await ScreenshotAsync(page, $"plan-{level}-360");

        await page.GotoAsync("/lessons/graded-exposure");
        await CardFirstAsync(page, level);
        // The lesson's own note that it is about nerve pain only is always there; the pause note only while paused.
        var pausedNote = page.GetByRole(AriaRole.Note).Filter(new() { HasText = "waits until a doctor" });
        await Assertions.Expect(pausedNote).ToHaveCountAsync(paused ? 1 : 0);
        if (paused)
        {
            await Assertions.Expect(pausedNote.GetByRole(AriaRole.Link, new() { Name = "when to get help" })).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"lesson-{level}-360");
        }

        // The check, recorded on its own page, brings the plan back.
        await card.GetByRole(AriaRole.Link, new() { Name = "A doctor or physiotherapist has checked this" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
        await Assertions.Expect(page.Locator(".safety-card")).ToHaveCountAsync(0);
        await SomeOrNoneAsync(page.GetByRole(AriaRole.Link, new() { Name = "Do it", Exact = false }), true);
    }

    private static Task SomeOrNoneAsync(ILocator locator, bool some) =>
        some ? Assertions.Expect(locator.First).ToBeVisibleAsync() : Assertions.Expect(locator).ToHaveCountAsync(0);
}
