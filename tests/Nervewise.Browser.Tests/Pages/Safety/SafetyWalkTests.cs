using Microsoft.Playwright;
using Nervewise.Browser.Tests.Accessibility;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;

namespace Nervewise.Browser.Tests.Pages.Safety;

/// <summary>
/// Issue 13's walk at 360 px: a warning sign of each urgency, given in the questions or ticked in flare-up help, and
/// then Today, the plan and a lesson as the person sees them: the card first, the urgency's words, the call link at
/// today and emergency, no exercise at urgent or higher. Flare-up help asks only the same-day and emergency signs,
/// so urgent and soon come from the questions alone. Screenshots are kept for a person to look at.
/// </summary>
public sealed class SafetyWalkTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    public static TheoryData<string, string> Walks => new()
    {
        { "bladder-bowel-change", "questions" },
        { "calf-swelling", "questions" },
        { "cancer-history", "questions" },
        { "weakness", "questions" },
        { "saddle-numbness", "first-aid" },
        { "fever-or-unwell", "first-aid" },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task A_warning_sign_leads_every_page_with_its_card(string item, string from)
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Nervewise" })).ToBeVisibleAsync();

        var urgency = RedFlagRules.Raise([item]).Single().Urgency;
        var level = Names.Of(urgency);
        if (from == "questions")
        {
            await AuditData.AssessmentAsync(page, $$"""{"pins-and-needles": true, "{{item}}": true}""");
        }
        else
        {
            await page.GotoAsync("/first-aid");
            await page.Locator($"#sign-{item}").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Get help for what I ticked" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = AssessmentWording.For(urgency).Headline }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-help]:visible").GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved to your diary.");
            await ScreenshotAsync(page, $"walk-{level}-{from}-help-360");
        }

        foreach (var (url, name) in new[] { ("/today", "today"), ("/plan", "plan"), ("/lessons/graded-exposure", "lesson") })
        {
            await page.GotoAsync(url);
            var card = page.Locator("main > .safety-card:first-child");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-urgency", level);
            await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(AssessmentWording.For(urgency).Headline);
            await Assertions.Expect(card).ToContainTextAsync(WarningSigns.Says(item));
            await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveCountAsync(urgency >= Urgency.Today ? 1 : 0);
            // The card is the first thing on the screen: its top is inside the first screen.
            var box = await card.BoundingBoxAsync();
            Assert.True(box is { Y: < 200 }, $"{url}: the card starts at {box?.Y}px.");
            if (urgency >= Urgency.Urgent)
            {
                await Assertions.Expect(page.Locator(".exercise-card")).ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator("a[href='/plan/calendar.ics']")).ToHaveCountAsync(0);
                await Assertions.Expect(page.GetByText("movement is fine")).ToHaveCountAsync(0);
            }
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{url} scrolls sideways by {overflow}px at 360 px.");
            await ScreenshotAsync(page, $"walk-{level}-{from}-{name}-360");
        }
    }
}
