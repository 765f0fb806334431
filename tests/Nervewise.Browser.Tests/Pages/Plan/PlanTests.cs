using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Plan;

public sealed class PlanTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    /// <summary>A person two weeks into sliders, with the slump slider made daily so that today always has a session.</summary>
    private async Task<IPage> PersonOnSlidersAsync()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        var now = DateTimeOffset.UtcNow;
        for (var day = 10; day >= 1; day--)
        {
            var date = now.AddDays(-day);
            await Post(page, new { id = Guid.NewGuid(), time = Time(date, 8), type = "pain", item = "posterior-thigh", value = 2 });
            await Post(page, new { id = Guid.NewGuid(), time = Time(date, 18), type = "exercise", item = "slump-slider", value = 2, durationMinutes = 5 });
        }
        var settings = await page.APIRequest.PutAsync("/api/v1/plan/settings", new() { DataObject = new { doses = new Dictionary<string, object> { ["slump-slider"] = new { perWeek = 7 } } } });
        Assert.Equal(200, settings.Status);
        return page;
    }

    private static string Time(DateTimeOffset date, int hour) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{hour:00}:00:00+00:00";

    private static async Task Post(IPage page, object entry)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/diary", new() { DataObject = entry });
        Assert.True(response.Status is 200 or 201, $"{response.Status}: {await response.TextAsync()}");
    }

    private static async Task<List<JsonElement>> ExercisesTodayAsync(IPage page)
    {
        var diary = await page.APIRequest.GetAsync("/api/v1/diary?pageSize=200");
        using var json = JsonDocument.Parse(await diary.TextAsync());
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [.. json.RootElement.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "exercise" && e.GetProperty("time").GetString()!.StartsWith(today, StringComparison.Ordinal))
            .Select(e => e.Clone())];
    }

    [Fact]
    public async Task A_session_is_logged_from_the_weekly_plan_with_one_tap_on_a_phone()
    {
        var page = await PersonOnSlidersAsync();
        await new SiteHeader(page).GoToAsync("Plan");
        var plan = new PlanPage(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan this week" })).ToBeVisibleAsync();
        await Assertions.Expect(plan.Ladder.Locator("[aria-current=step]")).ToContainTextAsync("Nerve sliders");
        await Assertions.Expect(plan.Card("Slump slider").GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page is {width} px wide on a 360 px phone.");
        await ScreenshotAsync(page, "plan-360");

        await plan.LogAsync("Slump slider", 2);

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved: slump slider, pain during 2/10.");
        await Assertions.Expect(plan.Card("Slump slider")).ToContainTextAsync("Done today: pain during 2/10.");
        var logged = Assert.Single(await ExercisesTodayAsync(page));
        Assert.Equal(("slump-slider", 2m, 5), (logged.GetProperty("item").GetString(), logged.GetProperty("value").GetDecimal(), logged.GetProperty("durationMinutes").GetInt32()));
        await ScreenshotAsync(page, "plan-logged-360");
    }

    [Fact]
    public async Task A_tap_made_offline_waits_on_the_phone_and_is_logged_once_back_online()
    {
        var page = await PersonOnSlidersAsync();
        await page.GotoAsync("/plan");
        var plan = new PlanPage(page);

        await page.Context.SetOfflineAsync(true);
        await plan.LogAsync("Slump slider", 3);
        await Assertions.Expect(plan.Status("Slump slider")).ToContainTextAsync("will send when you're back online");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.NervewiseQueue.pending()"));

        await page.Context.SetOfflineAsync(false);
        await page.EvaluateAsync("() => window.NervewiseQueue.flush()");
        await page.WaitForFunctionAsync("() => window.NervewiseQueue.pending() === 0");

        var logged = Assert.Single(await ExercisesTodayAsync(page));
        Assert.Equal(3, logged.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Exercise_instructions_and_the_training_guidance_read_well_on_a_phone()
    {
        var page = await PersonOnSlidersAsync();
        await page.GotoAsync("/plan");
        var card = new PlanPage(page).Card("Slump slider");
        await card.GetByText("How to do it").ClickAsync();
        await Assertions.Expect(card.GetByText("Let your back round gently forward.")).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "More about this exercise" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How to do it" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "plan-exercise-360");
        await page.GotoAsync("/plan/training");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Working to a pain level" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "plan-training-360");
    }
}
