using Microsoft.Playwright;

namespace Nervewise.Browser.Tests.Pages.Plan;

/// <summary>The weekly plan as a person uses it: today's exercise cards, each logged with one tap of the pain during it.</summary>
internal sealed class PlanPage(IPage page)
{
    public ILocator Today => page.GetByRole(AriaRole.Region, new() { Name = "Today", Exact = false });

    public ILocator Card(string exercise) => page.GetByRole(AriaRole.Article, new() { Name = exercise, Exact = true });

    public ILocator Decision => page.Locator("section.decision");

    public ILocator Ladder => page.GetByRole(AriaRole.List).Filter(new() { Has = page.Locator("[aria-current=step]") });

    /// <summary>Taps the pain during it on the exercise's card: one tap, and it is logged.</summary>
    public Task LogAsync(string exercise, int painDuring) =>
        Card(exercise).GetByRole(AriaRole.Button, new() { Name = painDuring.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();

    public ILocator Status(string exercise) => Card(exercise).Locator("[data-queue-status]");
}
