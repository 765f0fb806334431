using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Plan;

public sealed class CalendarTestsOnSqlite() : CalendarTests(DatabaseProvider.Sqlite);

public sealed class CalendarTestsOnPostgres() : CalendarTests(DatabaseProvider.Postgres);

/// <summary>
/// The calendar file read by an independent parser (Ical.Net): the next four weeks in the person's zone, across
/// Berlin's change back to winter time on Sunday 25 October 2026, nothing in the past, with the reminder they chose.
/// </summary>
public abstract class CalendarTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<HttpClient> BerlinerOnSlidersAsync(DateTimeOffset now)
    {
        var client = App.OnClock(new FakeTimeProvider(now)).Browser();
        await client.RegisterAsync($"{Guid.NewGuid():N}@example.com", timeZone: "Europe/Berlin");
        var moved = await client.SubmitAsync("/plan/settings", new Dictionary<string, string> { ["Stage"] = "sliders", ["Level"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        using var daily = await client.PutAsJsonAsync("/api/v1/plan/settings", new { doses = new Dictionary<string, object> { ["slump-slider"] = new { perWeek = 7 } } });
        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        return client;
    }

    private static Ical.Net.Calendar Parse(string text) => Ical.Net.Calendar.Load(text)!;

    [Fact]
    public async Task Four_weeks_ahead_at_the_same_wall_clock_hour_across_the_clock_change_with_the_default_reminder()
    {
        var now = new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.Zero); // Tuesday, 12:00 in Berlin
        var client = await BerlinerOnSlidersAsync(now);

        using var response = await client.GetAsync("/plan/calendar.ics?at=18:00");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var calendar = Parse(text);
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n", text, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100", text, StringComparison.Ordinal);
        Assert.Single(calendar.TimeZones);
        // Every day from today (18:00 is still ahead) for 28 days, none in the past.
        Assert.Equal(28, events.Count);
        Assert.All(events, e => Assert.Equal("Europe/Berlin", e.DtStart!.TzId));
        Assert.All(events, e => Assert.True(e.DtStart!.AsUtc > now.UtcDateTime));
        Assert.Equal(new DateTime(2026, 10, 20, 16, 0, 0, DateTimeKind.Utc), events[0].DtStart!.AsUtc);
        // 18:00 in Berlin is 16:00 UTC in summer time and 17:00 UTC once the clocks go back.
        Assert.Equal(new DateTime(2026, 10, 24, 16, 0, 0, DateTimeKind.Utc), events[4].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 25, 17, 0, 0, DateTimeKind.Utc), events[5].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 16, 17, 0, 0, DateTimeKind.Utc), events[^1].DtStart!.AsUtc);
        Assert.All(events, e => Assert.Equal(TimeSpan.FromMinutes(-30), Assert.Single(e.Alarms).Trigger!.Duration!.Value.ToTimeSpanUnspecified()));
    }

    [Fact]
    public async Task Todays_session_is_left_out_once_its_time_has_passed()
    {
        var now = new DateTimeOffset(2026, 10, 20, 17, 30, 0, TimeSpan.Zero); // 19:30 in Berlin
        var client = await BerlinerOnSlidersAsync(now);

        var calendar = Parse(await client.GetStringAsync("/plan/calendar.ics?at=18:00"));

        var first = calendar.Events.Min(e => e.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 21, 16, 0, 0, DateTimeKind.Utc), first);
        Assert.Equal(27, calendar.Events.Count);
    }

    [Fact]
    public async Task The_reminder_is_chosen_or_turned_off_and_kept_for_next_time()
    {
        var client = await BerlinerOnSlidersAsync(new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.Zero));

        var plan = await client.GetStringAsync("/plan");
        using var off = await client.SubmitAsync("/plan", new Dictionary<string, string> { ["at"] = "07:00", ["remind"] = "off" }, "/plan/calendar.ics");
        var offFile = Parse(await off.Content.ReadAsStringAsync());
        var keptOff = Parse(await client.GetStringAsync("/plan/calendar.ics"));
        var planAfter = await client.GetStringAsync("/plan");
        var hour = Parse(await client.GetStringAsync("/plan/calendar.ics?remind=60"));
        using var refused = await client.GetAsync("/plan/calendar.ics?remind=7");

        Assert.Contains("<option value=\"30\" selected=\"selected\">30 minutes before</option>", plan, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.All(offFile.Events, e => Assert.Empty(e.Alarms));
        Assert.All(keptOff.Events, e => Assert.Empty(e.Alarms));
        Assert.Contains("<option value=\"off\" selected=\"selected\">No reminder</option>", planAfter, StringComparison.Ordinal);
        Assert.All(hour.Events, e => Assert.Equal(TimeSpan.FromHours(-1), Assert.Single(e.Alarms).Trigger!.Duration!.Value.ToTimeSpanUnspecified()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
