using System.Text;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Nervewise.Simulation;

namespace Nervewise.Browser.Tests.Pages.Diary;

/// <summary>"What comes before my flare-ups" on a phone: a diary imported, the trigger found, the chart readable.</summary>
public sealed class TriggersTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_planted_trigger_shows_as_a_sentence_and_a_chart_by_delay_on_a_phone()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        await page.GotoAsync("/diary/import");
        await page.GetByLabel("Diary file (.csv)").SetInputFilesAsync(new FilePayload
        {
            Name = "diary.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(SyntheticDiary.Csv(new DiaryScenario(240, 60, PlantedTrigger.Catalogue(10)[0], 3))),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported");

        await new SiteHeader(page).GoToAsync("Triggers");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What comes before my flare-ups" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("6 to 12 hours after long sitting (2 hours or more)").First).ToBeVisibleAsync();
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Long sitting (2 hours or more): how much more likely a flare-up was" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        // The chart fits the phone's width: nothing to scroll sideways.
        var box = await chart.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width <= Phone.Width, $"chart is {box.Width}px wide");
        Assert.Equal(Phone.Width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await ScreenshotAsync(page, "diary-triggers-360");
    }
}
