using System.Globalization;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Zone;

/// <summary>Shared steps: a person registered from a phone in a given zone, and what the pages must hold at 360 px.</summary>
internal static class ZoneSteps
{
    public static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync(email, "slow steady progress");
    }

    public static async Task PostAsync(IPage page, string time, string type, string item, decimal value)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/diary", new() { DataObject = new { id = Guid.NewGuid(), time, type, item, value } });
        Assert.True(response.Status is 200 or 201, $"{response.Status}: {await response.TextAsync()}");
    }

    public static async Task FitsAsync(IPage page, string url)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{url} is {width} px wide on a 360 px phone.");
    }

    /// <summary>Downloads the calendar file from the plan page's form, as a person taps it.</summary>
    public static async Task<string> CalendarAsync(IPage page)
    {
        await page.GotoAsync("/plan");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download (.ics)" }).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path!);
    }
}

/// <summary>A phone at UTC+14 (Kiritimati): every page says the person's own date, and fits 360 px.</summary>
public sealed class FarZoneTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task At_utc_plus_fourteen_every_page_shows_the_persons_own_date_and_fits_a_phone()
    {
        const string Zone = "Pacific/Kiritimati";
        var page = await OpenAsync(Phone, Zone);
        await ZoneSteps.RegisterAsync(page, "kiri@ex.io");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        // Logged from another device with a UTC offset: shown on the person's own date and wall clock.
        await ZoneSteps.PostAsync(page, DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture), "pain", "posterior-thigh", 4);
        foreach (var answer in new[] { true, false })
        {
            var assessed = await page.APIRequest.PostAsync("/api/v1/assessments", new() { DataObject = new Dictionary<string, object> { ["pins-and-needles"] = answer } });
            Assert.Equal(201, assessed.Status);
        }

        await page.GotoAsync("/today");
        await Assertions.Expect(page.Locator(".today-date")).ToHaveTextAsync(local.ToString("dddd d MMMM", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator(".zone-offer")).ToHaveCountAsync(0);
        await ZoneSteps.FitsAsync(page, "/today");
        await ScreenshotAsync(page, "zone-far-today-360");

        await page.GotoAsync("/diary");
        await Assertions.Expect(page.Locator(".day-heading").First).ToHaveTextAsync(local.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture));
        await ZoneSteps.FitsAsync(page, "/diary");
        await ScreenshotAsync(page, "zone-far-diary-360");

        await page.GotoAsync("/assessment");
        await Assertions.Expect(page.GetByText("Your assessments, newest first", new() { Exact = true })).ToBeVisibleAsync();
        var table = await page.EvaluateAsync<int[]>("() => { const w = document.querySelector('.assessment-history').closest('.table-wrap'); return [w.scrollWidth, w.clientWidth]; }");
        Assert.True(table[0] <= table[1], $"The assessment history is {table[0]} px wide in a {table[1]} px box.");
        await ZoneSteps.FitsAsync(page, "/assessment");
        await ScreenshotAsync(page, "zone-far-assessment-360");

        await page.GotoAsync("/report");
        await Assertions.Expect(page.GetByText($"Made {local:d MMMM yyyy}, covering", new() { Exact = false })).ToBeVisibleAsync();
        await ZoneSteps.FitsAsync(page, "/report");
        await ScreenshotAsync(page, "zone-far-report-360");

        var calendar = await ZoneSteps.CalendarAsync(page);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Pacific/Kiritimati\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Pacific/Kiritimati:", calendar, StringComparison.Ordinal);
        Assert.Contains("TRIGGER:-PT30M", calendar, StringComparison.Ordinal);
        await ZoneSteps.FitsAsync(page, "/plan");
        await page.Locator(".calendar-form").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "zone-far-plan-360");
    }
}

/// <summary>
/// Berlin on Sunday 25 October 2026, half an hour after midnight: summer time ends at 03:00 that night, so the day is
/// 25 hours long. The server's clock is fixed there; the browser is in Berlin.
/// </summary>
public sealed class ClockChangeTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    protected override TimeProvider? ServerClock { get; } = new Fixed(new DateTimeOffset(2026, 10, 24, 22, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Across_the_autumn_clock_change_the_day_and_the_calendar_stay_on_berlin_time()
    {
        var page = await OpenAsync(Phone, "Europe/Berlin");
        await ZoneSteps.RegisterAsync(page, "berlin@ex.io");
        await ZoneSteps.PostAsync(page, "2026-10-24T23:50:00+02:00", "pain", "posterior-thigh", 2); // Saturday night
        await ZoneSteps.PostAsync(page, "2026-10-25T00:10:00+02:00", "pain", "posterior-thigh", 5); // Sunday, summer time
        await ZoneSteps.PostAsync(page, "2026-10-25T23:30:00+01:00", "pain", "posterior-thigh", 3); // Sunday, winter time

        await page.GotoAsync("/today");
        await Assertions.Expect(page.Locator(".today-date")).ToHaveTextAsync("Sunday 25 October");
        await ZoneSteps.FitsAsync(page, "/today");
        await ScreenshotAsync(page, "zone-dst-today-360");

        await page.GotoAsync("/diary?day=2026-10-25");
        var times = await page.Locator(".entry-list .when").AllTextContentsAsync();
        Assert.Equal(["23:30", "00:10"], times);
        await ZoneSteps.FitsAsync(page, "/diary?day=2026-10-25");
        await ScreenshotAsync(page, "zone-dst-diary-day-360");

        var calendar = await ZoneSteps.CalendarAsync(page);
        var unfolded = calendar.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100", unfolded, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261025T180000", unfolded, StringComparison.Ordinal);
        Assert.DoesNotContain("DTSTART;TZID=Europe/Berlin:20261024", unfolded, StringComparison.Ordinal);
        Assert.DoesNotContain("DTSTART;TZID=Europe/Berlin:20261122", unfolded, StringComparison.Ordinal);
    }
}
