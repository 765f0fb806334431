using Microsoft.Playwright;

namespace Nervewise.Browser.Tests.Pages.Assessment;

/// <summary>The questionnaire as a person sees it: one group of questions per screen.</summary>
internal sealed class QuestionnairePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The safety questions on this screen: Yes, No or Not sure, nothing chosen first.</summary>
    public ILocator SafetyQuestions => page.Locator("fieldset.safety-question");

    public ILocator ErrorSummary => page.Locator(".error-summary");

    public ILocator Question(string question) => page.GetByRole(AriaRole.Group, new() { Name = question });

    /// <summary>Picks Yes, No, Not sure or a choice for the question whose text contains <paramref name="question"/>.</summary>
    public Task AnswerAsync(string question, string choice) =>
        Question(question).GetByLabel(choice, new() { Exact = true }).CheckAsync();

    /// <summary>Answers every safety question on this screen the same way.</summary>
    public async Task AnswerSafetyAsync(string choice)
    {
        foreach (var question in await SafetyQuestions.AllAsync())
        {
            await question.GetByLabel(choice, new() { Exact = true }).CheckAsync();
        }
    }

    public Task EnterAsync(string question, int value) => page.GetByLabel(question).FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task NextAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

    public Task BackAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();

    public Task FinishAsync() => page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();

    public async Task ExpectScreenAsync(string title) =>
        await Assertions.Expect(Heading).ToHaveTextAsync(title);

    /// <summary>Answers the three safety screens, each question with <paramref name="choice"/>.</summary>
    public async Task PassSafetyScreensAsync(string choice)
    {
        foreach (var screen in new[] { "First, some safety questions", "A few more safety questions", "Last safety questions: your health" })
        {
            await ExpectScreenAsync(screen);
            await AnswerSafetyAsync(choice);
            await NextAsync();
        }
    }
}
