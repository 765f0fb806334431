using System.Text;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Nervewise.Simulation;

namespace Nervewise.Browser.Tests.Pages.Diary;

/// <summary>"What comes before my flare-ups" on a phone: a diary imported, the trigger found, the chart readable.</summary>
public sealed class TriggersTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    /// <summary>A new person on a phone who has imported <paramref name="csv"/> as their diary.</summary>
    private async Task<IPage> PhoneWithDiaryAsync(string csv)
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{Guid.NewGuid():N}@example.com", "slow steady progress");
        await page.GotoAsync("/diary/import");
        await page.GetByLabel("Diary file (.csv)").SetInputFilesAsync(new FilePayload
        {
            Name = "diary.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported");
        return page;
    }

    [Fact]
    public async Task A_planted_trigger_shows_as_a_sentence_and_a_chart_by_delay_on_a_phone()
    {
        var page = await PhoneWithDiaryAsync(SyntheticDiary.Csv(new DiaryScenario(240, 60, PlantedTrigger.Catalogue(10)[0], 3)));

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

    [Fact]
    public async Task Sitting_reads_as_one_sentence_with_its_numbers_folded_and_a_chart_whose_words_never_collide_at_360_px()
    {
        var page = await PhoneWithDiaryAsync(NineWeekDiary.Csv());

        await page.GotoAsync("/diary/triggers");

        var line = page.Locator(".trigger-found");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line.Locator(".trigger-summary")).ToContainTextAsync("after sitting");
        // The numbers wait behind the fold until asked for.
        var counts = line.GetByText("flare-ups were logged; entries less than 2 hours apart");
        await Assertions.Expect(counts).ToBeHiddenAsync();
        await line.GetByText("How sure is this?").ClickAsync();
        await Assertions.Expect(counts).ToBeVisibleAsync();

        // In every chart: no two words overlap, no word sits on a dot, and every dot is whole inside the picture.
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
              for (const svg of document.querySelectorAll('svg.trigger-chart')) {
                const frame = svg.getBoundingClientRect();
                const words = [...svg.querySelectorAll('text')].flatMap(t => t.querySelector('tspan') ? [...t.querySelectorAll('tspan')] : [t])
                  .map(t => ({ name: t.textContent, box: t.getBoundingClientRect() }));
                const dots = [...svg.querySelectorAll('circle')].map(c => c.getBoundingClientRect());
                words.forEach((a, i) => words.slice(i + 1).forEach(b => { if (hit(a.box, b.box)) out.push(`"${a.name}" overlaps "${b.name}"`); }));
                words.forEach(w => dots.forEach(d => { if (hit(w.box, d)) out.push(`"${w.name}" overlaps a dot`); }));
                dots.forEach(d => { if (d.top < frame.top || d.bottom > frame.bottom || d.left < frame.left || d.right > frame.right) out.push('a dot is cut off'); });
                if (frame.right > document.documentElement.clientWidth) out.push('the chart is wider than the screen');
              }
              return out;
            }
            """);
        Assert.Empty(problems);
        Assert.True(await page.Locator("svg.trigger-chart").CountAsync() > 0);
        Assert.Equal(Phone.Width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await ScreenshotAsync(page, "diary-triggers-one-line-360");
    }
}
