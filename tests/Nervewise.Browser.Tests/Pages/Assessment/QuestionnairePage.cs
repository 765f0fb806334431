using Microsoft.Playwright;

namespace Nervewise.Browser.Tests.Pages.Assessment;

/// <summary>The questionnaire as a person sees it: one group of questions per screen.</summary>
internal sealed class QuestionnairePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Picks Yes, No, Not sure or a choice for the question whose text contains <paramref name="question"/>.</summary>
    public Task AnswerAsync(string question, string choice) =>
        page.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel(choice, new() { Exact = true }).CheckAsync();

    public Task EnterAsync(string question, int value) => page.GetByLabel(question).FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task NextAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

    public Task BackAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();

    public Task FinishAsync() => page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();

    public async Task ExpectScreenAsync(string title) =>
        await Assertions.Expect(Heading).ToHaveTextAsync(title);
}
