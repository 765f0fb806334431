using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Checkin;

/// <summary>
/// Issue 16 at 360 px in a zone far from UTC (Kiritimati, UTC+14): the check-in saves as one thing and says so, the
/// diary shows it as one entry, the summary is in the menu and fits the screen, and the plan reads in plain words.
/// </summary>
public sealed class CheckinReachTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private readonly ChromiumFixture _chromium = chromium;

    private async Task<IPage> FarAwayPhoneAsync()
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), ViewportSize = Phone, Locale = "en-GB", TimezoneId = "Pacific/Kiritimati",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@averyveryverylongaddress-for-wrapping.example.com", "slow steady progress");
        return page;
    }

    private static async Task FitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360, $"{page.Url} is wider than 360 px");

    [Fact]
    public async Task A_check_in_is_saved_as_one_thing_and_the_diary_lists_it_once()
    {
        var page = await FarAwayPhoneAsync();
        await page.GotoAsync("/checkin");
        var groups = await page.Locator(".checkin-form fieldset").AllAsync();
        foreach (var group in groups.Take(8))
        {
            await group.Locator("input[type=radio]").Nth(2).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my check-in" }).ClickAsync();

        // Two areas left: named, nothing saved yet; then saved without them.
        await Assertions.Expect(page.Locator(".checkin-missing")).ToContainTextAsync("You have not rated Feeling cut off and Missing enjoyment.");
        await ScreenshotAsync(page, "checkin-missing-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save without them" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your check-in is saved" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".checkin-unanswered")).ToHaveTextAsync("Not answered: Feeling cut off and Missing enjoyment.");
        await Assertions.Expect(page.Locator(".checkin-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("svg.trend-chart").First).ToBeVisibleAsync();
        await FitsAsync(page);
        await ScreenshotAsync(page, "checkin-saved-360");

        await page.GotoAsync("/diary");
        await Assertions.Expect(page.Locator(".checkin-item")).ToHaveCountAsync(1);
        await page.Locator(".checkin-item summary").ClickAsync();
        await Assertions.Expect(page.Locator(".checkin-item .checkin-answers li")).ToHaveCountAsync(8);
        await FitsAsync(page);
        await ScreenshotAsync(page, "diary-checkin-360");
    }

    [Fact]
    public async Task The_summary_is_in_the_menu_and_fits_a_phone_and_the_plan_reads_plainly()
    {
        var page = await FarAwayPhoneAsync();
        await page.GotoAsync("/today");
        await page.Locator("summary", new() { HasText = "Menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Summary" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/report").ToString());
        await FitsAsync(page);
        await ScreenshotAsync(page, "report-360");

        await page.GotoAsync("/plan");
        await Assertions.Expect(page.Locator("#ladder-title")).ToBeVisibleAsync();
        await FitsAsync(page);
        await ScreenshotAsync(page, "plan-360");
    }
}
