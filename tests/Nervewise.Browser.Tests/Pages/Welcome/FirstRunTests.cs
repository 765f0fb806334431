using System.Globalization;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Pages.Assessment;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Welcome;

public sealed class FirstRunTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private const string Password = "slow steady progress";

    private static async Task FitsAsync(IPage page, int screens)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Phone.Width, $"{page.Url} is {width} px wide on a {Phone.Width} px phone.");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height <= Phone.Height * screens, $"{page.Url} is {height} px tall: more than {screens} screens of {Phone.Height} px.");
    }

    [Fact]
    public async Task A_new_person_goes_from_registering_to_a_home_page_with_a_first_week_on_a_phone()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Get started" }).ClickAsync();
        await new RegisterPage(page).RegisterAsync("ada@example.com", Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Nervewise" })).ToBeVisibleAsync();
        var steps = page.GetByRole(AriaRole.Navigation, new() { Name = "Setting up" });
        await Assertions.Expect(steps.Locator("[aria-current=step]")).ToContainTextAsync("Welcome");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("It is a guide, not a diagnosis");
        await FitsAsync(page, 2);
        var start = await page.GetByRole(AriaRole.Link, new() { Name = "Start the questions" }).BoundingBoxAsync();
        Assert.True(start is { } box && box.Y + box.Height <= Phone.Height, "Start the questions must show without scrolling.");
        await ScreenshotAsync(page, "first-run-1-welcome-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Start the questions" }).ClickAsync();
        var questions = new QuestionnairePage(page);
        await questions.ExpectScreenAsync("First, some safety questions");
        await Assertions.Expect(steps.Locator("[aria-current=step]")).ToContainTextAsync("Questions");
        // Three screens of safety questions, each with nothing chosen until answered.
        await questions.AnswerSafetyAsync("No");
        await ScreenshotAsync(page, "first-run-2-questions-360");
        await questions.NextAsync();
        await questions.ExpectScreenAsync("A few more safety questions");
        await questions.AnswerSafetyAsync("No");
        await questions.NextAsync();
        await questions.ExpectScreenAsync("Last safety questions: your health");
        await questions.AnswerSafetyAsync("No");
        await questions.NextAsync();
        await questions.ExpectScreenAsync("Where you feel it");
        await questions.AnswerAsync("pins and needles", "Yes");
        await questions.AnswerAsync("reach below your knee", "Yes");
        await questions.NextAsync();
        await questions.ExpectScreenAsync("What the pain is like");
        await questions.AnswerAsync("hard to predict", "No");
        await questions.AnswerAsync("worse at night", "No");
        await questions.AnswerAsync("anxious or sick", "No");
        await questions.NextAsync();
        await questions.NextAsync();
        await questions.NextAsync();
        await questions.ExpectScreenAsync("How it is going");
        await page.GetByRole(AriaRole.Button, new() { Name = "See my first week" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your first week" })).ToBeVisibleAsync();
        await Assertions.Expect(steps.Locator("[aria-current=step]")).ToContainTextAsync("Your first week");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start with: General movement" })).ToBeVisibleAsync();
        await FitsAsync(page, 2);
        await ScreenshotAsync(page, "first-run-3-first-week-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start my first week" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/today").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your first week has started: general movement.");
        await Assertions.Expect(page.GetByText("Step 2 of 6: General movement.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Flare-up? Get help now" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pain now" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nothing logged yet.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Finish setting up")).ToHaveCountAsync(0);
        await FitsAsync(page, 2);
        await ScreenshotAsync(page, "first-run-4-today-360");

        // Two weeks on: the pain line with a flare-up, and the pain no longer reaching the calf.
        var now = DateTimeOffset.UtcNow;
        for (var day = 14; day >= 1; day--)
        {
            var time = now.AddDays(-day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T08:00:00+00:00";
            await PostAsync(page, new { id = Guid.NewGuid(), time, type = "pain", item = day > 7 ? "calf" : "posterior-thigh", value = day > 7 ? 5 : 3 });
            if (day == 10)
            {
                await PostAsync(page, new { id = Guid.NewGuid(), time = time.Replace("T08", "T21", StringComparison.Ordinal), type = "flare", item = "calf", value = 7 });
            }
        }
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "1 flare-up, marked in red", Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Good news:", new() { Exact = false })).ToBeVisibleAsync();
        await FitsAsync(page, 2);
        await ScreenshotAsync(page, "first-run-5-today-two-weeks-on-360");
    }

    private static async Task PostAsync(IPage page, object entry)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/diary", new() { DataObject = entry });
        Assert.True(response.Status is 200 or 201, $"{response.Status}: {await response.TextAsync()}");
    }

    [Fact]
    public async Task Skipping_lands_on_the_home_page_which_brings_the_person_back_to_finish()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync("kai@example.com", Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Skip for now" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/today").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Finish setting up" })).ToBeVisibleAsync();
        await FitsAsync(page, 2);
        await ScreenshotAsync(page, "first-run-skipped-today-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Carry on setting up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Start the questions" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Warning_signs_in_the_first_run_put_the_instructions_first_and_no_exercise_plan()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync("lee@example.com", Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Start the questions" }).ClickAsync();
        var questions = new QuestionnairePage(page);
        await questions.AnswerAsync("new trouble passing urine", "Yes");
        await questions.NextAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Go to an emergency department now");
        var box = await alert.BoundingBoxAsync();
        Assert.True(box is { Y: < 250 }, "The emergency instructions must be the first thing on the screen.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start my first week" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "first-run-red-flag-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to my home page" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Go to an emergency department now" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Your exercises are paused until a doctor has seen you", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main > :first-child")).ToHaveAttributeAsync("data-urgency", "emergency");
        // The emergency card takes the whole first screen by design; the rest of the page follows it.
        await FitsAsync(page, 3);
        await ScreenshotAsync(page, "first-run-red-flag-today-360");
    }
}
