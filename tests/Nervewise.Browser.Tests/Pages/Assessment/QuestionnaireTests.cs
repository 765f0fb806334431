using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Assessment;

public sealed class QuestionnaireTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private async Task<(IPage Page, QuestionnairePage Questions)> StartAsync()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        await new SiteHeader(page).GoToAsync("Assessment");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start the questions" }).ClickAsync();
        return (page, new QuestionnairePage(page));
    }

    [Fact]
    public async Task A_person_with_sciatica_answers_on_a_phone_and_reads_a_nerve_result()
    {
        var (page, questions) = await StartAsync();

        await questions.ExpectScreenAsync("First, some safety questions");
        await Assertions.Expect(page.GetByText("Step 1 of 7")).ToBeVisibleAsync();
        await questions.AnswerAsync("new trouble passing urine", "No");
        await questions.AnswerAsync("genitals, bottom or inner thighs", "No");
        await questions.AnswerAsync("loss of feeling or function during sex", "No");
        await questions.AnswerAsync("both legs", "No");
        await questions.AnswerAsync("leg or foot feel weak", "No");
        await ScreenshotAsync(page, "assessment-step1-360");
        await questions.NextAsync();

        await questions.ExpectScreenAsync("A few more safety questions");
        await Assertions.Expect(page.GetByText("Is that weakness getting worse?")).ToHaveCountAsync(0);
        foreach (var question in new[] { "a fall, a crash", "fever or chills", "lost weight", "ever had cancer", "no position that eases it" })
        {
            await questions.AnswerAsync(question, "No");
        }
        await questions.NextAsync();

        await questions.ExpectScreenAsync("Where you feel it");
        await questions.AnswerAsync("pins and needles", "Yes");
        await questions.AnswerAsync("reach below your knee", "Yes");
        await questions.AnswerAsync("sit bone, the bony point", "No");
        await questions.NextAsync();

        await questions.ExpectScreenAsync("What the pain is like");
        await questions.AnswerAsync("burning, throbbing or shooting", "Yes");
        // Back keeps what was answered.
        await questions.BackAsync();
        await questions.ExpectScreenAsync("Where you feel it");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "pins and needles" }).GetByLabel("Yes", new() { Exact = true })).ToBeCheckedAsync();
        await questions.NextAsync();
        await questions.NextAsync();

        await questions.ExpectScreenAsync("How it started and what makes it worse");
        await questions.AnswerAsync("sitting and bending forward", "Yes");
        await questions.NextAsync();
        await questions.ExpectScreenAsync("Your thigh and sit bone");
        await Assertions.Expect(page.GetByText("Does sitting on a hard seat press on the sore sit bone?")).ToHaveCountAsync(0);
        await questions.NextAsync();

        await questions.ExpectScreenAsync("How it is going");
        await questions.EnterAsync("How many weeks ago", 6);
        await questions.AnswerAsync("Over the last two weeks", "About the same");
        await ScreenshotAsync(page, "assessment-last-step-360");
        await questions.FinishAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You can start managing this yourself" })).ToBeVisibleAsync();
        var nerve = page.Locator(".source").First;
        await Assertions.Expect(nerve).ToContainTextAsync("An irritated nerve");
        await Assertions.Expect(nerve).ToContainTextAsync("Likely");
        await Assertions.Expect(nerve).ToContainTextAsync("pins and needles in your leg or foot");
        await Assertions.Expect(page.GetByText("A scan is not needed now.", new() { Exact = false })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "assessment-result-360");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The result scrolls sideways by {overflow}px at 360px.");
    }

    [Fact]
    public async Task An_emergency_answer_ends_the_questions_and_takes_over_the_screen()
    {
        var (page, questions) = await StartAsync();

        await questions.AnswerAsync("new trouble passing urine", "Yes");
        await questions.NextAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Go to an emergency department now");
        await Assertions.Expect(alert).ToContainTextAsync("a change in bladder or bowel control");
        var box = await alert.BoundingBoxAsync();
        Assert.True(box is { Y: < 200 }, "The emergency instructions must be the first thing on the screen.");
        await ScreenshotAsync(page, "assessment-emergency-360");
    }

    [Fact]
    public async Task Taking_it_twice_shows_how_the_picture_changed()
    {
        var (page, questions) = await StartAsync();
        for (var step = 0; step < 6; step++)
        {
            await questions.NextAsync();
        }
        await questions.FinishAsync();

        await page.GotoAsync("/assessment/questions");
        await questions.NextAsync();
        await questions.NextAsync();
        await questions.AnswerAsync("sit bone, the bony point", "Yes");
        for (var step = 0; step < 3; step++)
        {
            await questions.NextAsync();
        }
        await questions.AnswerAsync("hard seat press on the sore sit bone", "Yes");
        await questions.NextAsync();
        await questions.FinishAsync();

        await page.GotoAsync("/assessment");
        await Assertions.Expect(page.GetByText("The hamstring tendon at the sit bone:")).ToContainTextAsync("unlikely → likely");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "How likely each source looked" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "assessment-history-360");
    }
}
