using System.Globalization;
using Microsoft.Playwright;

namespace Nervewise.Browser.Tests.Pages.FirstAid;

/// <summary>Flare-up help as a person sees it: one step on screen at a time.</summary>
internal sealed class FirstAidPage(IPage page)
{
    public const string WorstMap = "How far down did it reach at its worst?";
    public const string NowMap = "Where does the pain reach now?";

    /// <summary>The heading of the step on screen (hidden steps are not in the accessibility tree).</summary>
    public ILocator StepHeading => page.GetByRole(AriaRole.Heading, new() { Level = 2 });

    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true });

    public ILocator Status => page.GetByRole(AriaRole.Status);

    /// <summary>The help screen a yes leads to (one at a time is shown).</summary>
    public ILocator Help => page.Locator("[data-help]:visible");

    /// <summary>The tap-to-call link on the help screen.</summary>
    public ILocator Call => Help.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Call ") });

    public ILocator Summary => page.Locator("[data-summary]");

    public Task NextAsync() => Button("Next").ClickAsync();

    public Task BackAsync() => Button("Back").ClickAsync();

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Taps a region on one of the two body maps.</summary>
    public Task ChooseRegionAsync(string map, string region) =>
        page.GetByRole(AriaRole.Group, new() { Name = map }).GetByRole(AriaRole.Link, new() { Name = region, Exact = true }).ClickAsync();

    public Task ChoosePainAsync(string question, int score) =>
        page.GetByRole(AriaRole.Group, new() { Name = question })
            .GetByLabel(score.ToString(CultureInfo.InvariantCulture), new() { Exact = true }).CheckAsync();

    public Task TickAsync(string label) => page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    /// <summary>Ticks a warning sign by its item (its label is the rules file's words).</summary>
    public Task TickSignAsync(string item) => page.Locator($"#sign-{item}").CheckAsync();

    public Task NoneAsync() => Button("None of these").ClickAsync();

    public Task GetHelpAsync() => Button("Get help for what I ticked").ClickAsync();

    /// <summary>"None of these" on the safety check, then the three settling steps, with nothing to answer.</summary>
    public async Task ReadGuideAsync()
    {
        await Assertions.Expect(StepHeading).ToHaveTextAsync("First, a quick safety check");
        await NoneAsync();
        await Assertions.Expect(StepHeading).ToHaveTextAsync("How bad is it right now?");
        await NextAsync();
        await Assertions.Expect(StepHeading).ToHaveTextAsync("Stop, and change position");
        await Button("I have changed position").ClickAsync();
        await Assertions.Expect(StepHeading).ToHaveTextAsync("Find a gentle movement");
        await NextAsync();
        await Assertions.Expect(StepHeading).ToHaveTextAsync("Add warmth, with care");
        await NextAsync();
        await Assertions.Expect(StepHeading).ToHaveTextAsync("At its worst");
    }
}
