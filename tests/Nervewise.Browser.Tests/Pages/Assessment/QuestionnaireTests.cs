using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;

namespace Nervewise.Browser.Tests.Pages.Assessment;

public sealed class QuestionnaireTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private static readonly int Screens = AssessmentQuestionnaire.Current.Screens.Count;

    private async Task<(IPage Page, QuestionnairePage Questions)> StartAsync()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        await new SiteHeader(page).GoToAsync("Assessment");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start the questions" }).ClickAsync();
        return (page, new QuestionnairePage(page));
    }

    private static async Task NoSidewaysScrollAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{what} scrolls sideways by {overflow}px at 360px.");
    }

    [Fact]
    public async Task A_person_with_sciatica_answers_on_a_phone_and_reads_a_nerve_result()
    {
        var (page, questions) = await StartAsync();

        await questions.ExpectScreenAsync("First, some safety questions");
        await Assertions.Expect(page.GetByText($"Step 1 of {Screens}")).ToBeVisibleAsync();
        await questions.AnswerAsync("new trouble passing urine", "No");
        await questions.AnswerAsync("genitals, your bottom or your inner thighs", "No");
        await questions.AnswerAsync("loss of feeling or function during sex", "No");
        await questions.AnswerAsync("both legs", "No");
        await questions.AnswerAsync("leg or foot feel weak", "No");
        await ScreenshotAsync(page, "assessment-step1-360");
        await questions.NextAsync();

        await questions.ExpectScreenAsync("A few more safety questions");
        await Assertions.Expect(page.GetByText("Is that weakness getting worse?")).ToHaveCountAsync(0);
        foreach (var question in new[] { "front of your foot drag", "a fall, a crash", "thin bones", "sudden pop high up", "one calf swollen", "fever or chills" })
        {
            await questions.AnswerAsync(question, "No");
        }
        await questions.NextAsync();

        await questions.ExpectScreenAsync("Last safety questions: your health");
        foreach (var question in new[] { "lost weight", "ever had cancer", "lower your immunity", "injected drugs", "no position that eases it" })
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
        await Assertions.Expect(questions.Question("pins and needles").GetByLabel("Yes", new() { Exact = true })).ToBeCheckedAsync();
        await questions.NextAsync();
        await questions.NextAsync();

        await questions.ExpectScreenAsync("How it started and what makes it worse");
        await questions.AnswerAsync("sit slumped or bend forward", "Yes");
        await questions.NextAsync();
        await questions.ExpectScreenAsync("Your thigh and sit bone");
        // Pressure on the sit bone is asked of everyone now, not only after a yes to the sit bone.
        await questions.AnswerAsync("firm seat", "No");
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
        await NoSidewaysScrollAsync(page, "The result");
    }

    [Fact]
    public async Task Next_without_a_choice_on_a_safety_question_names_it_and_stays_on_the_screen()
    {
        var (page, questions) = await StartAsync();

        await questions.ExpectScreenAsync("First, some safety questions");
        var radios = questions.SafetyQuestions.Locator("input[type=radio]");
        await Assertions.Expect(radios).ToHaveCountAsync(15);
        foreach (var radio in await radios.AllAsync())
        {
            await Assertions.Expect(radio).Not.ToBeCheckedAsync();
        }
        await questions.AnswerAsync("new trouble passing urine", "No");
        await questions.AnswerAsync("loss of feeling or function during sex", "Not sure");
        await questions.AnswerAsync("both legs", "No");
        await questions.AnswerAsync("leg or foot feel weak", "No");
        await questions.NextAsync();

        // Still the first screen, with the open question named in the summary and at the question.
        await questions.ExpectScreenAsync("First, some safety questions");
        await Assertions.Expect(questions.ErrorSummary).ToContainTextAsync("Choose Yes, No or Not sure for “Is there numbness or tingling between your legs");
        var saddle = questions.Question("genitals, your bottom or your inner thighs");
        await Assertions.Expect(saddle).ToHaveAttributeAsync("aria-describedby", "saddle-numbness-error");
        await Assertions.Expect(page.Locator("#saddle-numbness-error")).ToHaveTextAsync("Choose Yes, No or Not sure.");
        await Assertions.Expect(questions.Question("loss of feeling or function during sex").GetByLabel("Not sure", new() { Exact = true })).ToBeCheckedAsync();
        await ScreenshotAsync(page, "assessment-safety-error-360");
        await NoSidewaysScrollAsync(page, "The safety screen with its error");

        // The summary's link leads to the question.
        await questions.ErrorSummary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(saddle.GetByLabel("Yes", new() { Exact = true })).ToBeFocusedAsync();

        // Tapping Next again does not get past it.
        await questions.NextAsync();
        await questions.NextAsync();
        await questions.ExpectScreenAsync("First, some safety questions");

        await questions.AnswerAsync("genitals, your bottom or your inner thighs", "No");
        await questions.NextAsync();
        await questions.ExpectScreenAsync("A few more safety questions");
    }

    [Fact]
    public async Task Not_sure_answers_are_listed_on_the_result_with_what_to_do_if_yes()
    {
        var (page, questions) = await StartAsync();

        await questions.PassSafetyScreensAsync("Not sure");
        for (var step = 3; step < Screens - 1; step++)
        {
            await questions.NextAsync();
        }
        await questions.FinishAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Some safety questions are still open" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("No warning signs"))).ToHaveCountAsync(0);
        var open = page.Locator(".open-questions");
        await Assertions.Expect(open.GetByRole(AriaRole.Heading, new() { Name = AssessmentWording.IfYes(Urgency.Emergency) })).ToBeVisibleAsync();
        await Assertions.Expect(open.GetByRole(AriaRole.Heading, new() { Name = AssessmentWording.IfYes(Urgency.Today) })).ToBeVisibleAsync();
        await Assertions.Expect(open).ToContainTextAsync(WarningSigns.Says("saddle-numbness"));
        await Assertions.Expect(open).ToContainTextAsync(WarningSigns.Says("calf-swelling"));
        await Assertions.Expect(open).ToContainTextAsync(WarningSigns.Says("injected-drugs"));
        await ScreenshotAsync(page, "assessment-result-open-questions-360");
        await NoSidewaysScrollAsync(page, "The result with open questions");
    }

    [Fact]
    public async Task An_emergency_answer_ends_the_questions_and_the_safety_card_comes_first()
    {
        var (page, questions) = await StartAsync();

        await questions.AnswerAsync("new trouble passing urine", "Yes");
        await questions.NextAsync();

        var card = page.Locator(".safety-card");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("Go to an emergency department now");
        await Assertions.Expect(card).ToContainTextAsync(WarningSigns.Says("bladder-bowel-change"));
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
        var box = await card.BoundingBoxAsync();
        Assert.True(box is { Y: < 200 }, "The emergency instructions must be the first thing on the screen.");
        await Assertions.Expect(page.GetByText(AssessmentWording.For(Source.Nerve).NextSteps)).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "assessment-emergency-360");
    }

    [Fact]
    public async Task A_swollen_calf_is_see_a_doctor_today_with_no_exercise_advice()
    {
        var (page, questions) = await StartAsync();
        await questions.AnswerSafetyAsync("No");
        await questions.NextAsync();
        await questions.AnswerSafetyAsync("No");
        await questions.AnswerAsync("one calf swollen", "Yes");
        await questions.NextAsync();
        await questions.AnswerSafetyAsync("No");
        await questions.NextAsync();
        await questions.AnswerAsync("pins and needles", "Yes");
        await questions.AnswerAsync("reach below your knee", "Yes");
        for (var step = 3; step < Screens - 1; step++)
        {
            await questions.NextAsync();
        }
        await questions.FinishAsync();

        var card = page.Locator(".safety-card");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("See a doctor today");
        await Assertions.Expect(page.Locator("section.urgency-today")).ToContainTextAsync(WarningSigns.Says("calf-swelling"));
        await Assertions.Expect(page.GetByText(AssessmentWording.For(Source.Nerve).NextSteps)).ToHaveCountAsync(0);
        await page.GetByText("The rest of your result, for after you have been seen").ClickAsync();
        await Assertions.Expect(page.GetByText(AssessmentWording.AfterYouHaveBeenSeen).First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "assessment-result-today-360");
        await NoSidewaysScrollAsync(page, "The result for today");
    }

    [Fact]
    public async Task Taking_it_twice_shows_how_the_picture_changed()
    {
        var (page, questions) = await StartAsync();
        await questions.PassSafetyScreensAsync("No");
        for (var step = 3; step < Screens - 1; step++)
        {
            await questions.NextAsync();
        }
        await questions.FinishAsync();

        await page.GotoAsync("/assessment/questions");
        await questions.PassSafetyScreensAsync("No");
        await questions.AnswerAsync("sit bone, the bony point", "Yes");
        for (var step = 3; step < 6; step++)
        {
            await questions.NextAsync();
        }
        await questions.AnswerAsync("firm seat", "Yes");
        await questions.NextAsync();
        await questions.FinishAsync();

        await page.GotoAsync("/assessment");
        await Assertions.Expect(page.GetByText("The hamstring tendon at the sit bone:")).ToContainTextAsync("unlikely → likely");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "How likely each source looked" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "assessment-history-360");
    }
}
