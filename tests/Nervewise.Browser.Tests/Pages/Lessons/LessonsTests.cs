using Microsoft.Playwright;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Lessons;

public sealed class LessonsTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_visitor_finds_a_lesson_from_the_menu_and_reads_on_to_the_next()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/");
        await new Account.SiteHeader(page).GoToAsync("Lessons");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lessons");
        await ScreenshotAsync(page, "lessons-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Why pain can come hours later" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Sources" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "lesson-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "First aid for a flare-up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("First aid for a flare-up");
    }
}
