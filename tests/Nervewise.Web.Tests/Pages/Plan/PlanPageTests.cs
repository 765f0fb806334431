using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.Plan;

public sealed class PlanPageTestsOnSqlite() : PlanPageTests(DatabaseProvider.Sqlite);

public sealed class PlanPageTestsOnPostgres() : PlanPageTests(DatabaseProvider.Postgres);

public abstract class PlanPageTests(DatabaseProvider provider) : AppTest(provider)
{
    private FakeTimeProvider _clock = Clock(0, 9);

    private async Task<HttpClient> SignedInAsync(string email = "ada@example.com")
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync(email);
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string url = "/plan")
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<List<Data.Diary.DiaryEntryRecord>> EntriesAsync(string type)
    {
        await using var db = Database.OpenContext();
        return await db.DiaryEntries.Where(e => e.Type == type).OrderBy(e => e.OccurredAt).ToListAsync();
    }

    [Theory]
    [InlineData("/plan")]
    [InlineData("/plan/settings")]
    [InlineData("/plan/calendar.ics")]
    [InlineData("/plan/training")]
    [InlineData("/plan/exercise/slump-slider")]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string url)
    {
        var response = await App.Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_person_starts_at_settle_with_something_to_do_today()
    {
        var client = await SignedInAsync();

        var page = await PageAsync(client);

        Assert.Contains("Nerve pain pathway, step 1 of 6: <strong>Settle</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Nothing in the diary yet", page, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"ex-easing-positions-title\">Easing positions</h3>", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/img/exercises/easing-positions.svg", page, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_tap_logs_the_session_once_with_its_minutes_and_the_pain_during()
    {
        var client = await SignedInAsync();
        var fields = new Dictionary<string, string>
        {
            ["FormId"] = Guid.NewGuid().ToString(), ["tz"] = "60", ["Item"] = "slump-slider", ["Minutes"] = "5", ["Pain"] = "2",
        };

        var first = await client.SubmitAsync("/plan", fields);
        await client.SubmitAsync("/plan", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/plan#today", first.Headers.Location!.OriginalString);
        var entry = Assert.Single(await EntriesAsync("exercise"));
        Assert.Equal(("slump-slider", 2m, 5, 60), (entry.Item, entry.Value!.Value, entry.DurationMinutes!.Value, entry.OffsetMinutes));
        Assert.Equal(_clock.GetUtcNow().AddMinutes(-5), entry.OccurredAt);
        var page = await PageAsync(client);
        Assert.Contains("Nerve pain pathway, step 3 of 6: <strong>Nerve sliders</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Done today: pain during 2/10.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hamstring-curl", "2", "Choose an exercise from your plan.")]
    [InlineData("slump-slider", "11", "Pain must be the highest pain during it, 0 to 10, not 11.")]
    public async Task A_log_that_does_not_fit_is_refused_with_a_message_and_nothing_is_saved(string item, string pain, string message)
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/plan", new Dictionary<string, string> { ["Item"] = item, ["Minutes"] = "5", ["Pain"] = pain });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync("exercise"));
    }

    [Fact]
    public async Task The_morning_after_a_session_asks_about_the_pain_and_one_tap_answers_it()
    {
        _clock = Clock(5, 19);
        var client = await SignedInAsync();
        for (var day = -6; day <= 5; day++)
        {
            await client.PostAsync(At(day, 8), "pain", "calf", 3);
        }
        await client.PostAsync(At(5, 18), "exercise", "slr-slider", 2, 5);
        Assert.DoesNotContain("Good morning", await PageAsync(client), StringComparison.Ordinal);

        _clock.Set(At(6, 9));
        var asked = await PageAsync(client);
        var response = await client.SubmitAsync("/plan",
            new Dictionary<string, string> { ["FormId"] = Guid.NewGuid().ToString(), ["tz"] = "60", ["Region"] = "calf", ["value"] = "3" }, "/plan?handler=Morning");

        Assert.Contains("Good morning: how is your pain now?", asked, StringComparison.Ordinal);
        Assert.Contains("Tap your pain in your calf right now.", asked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var morning = (await EntriesAsync("pain")).Last();
        Assert.Equal(("calf", 3m, At(6, 9)), (morning.Item, morning.Value!.Value, morning.LocalTime));
        Assert.DoesNotContain("Good morning", await PageAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_steady_fortnight_offers_the_step_up_and_taking_it_is_recorded_as_the_persons_own()
    {
        _clock = Clock(16, 9);
        var client = await SignedInAsync();
        await client.SlidersAsync(16);

        var ready = await PageAsync(client);
        var response = await client.SubmitAsync("/plan", new Dictionary<string, string> { ["stage"] = "tensioners" }, "/plan?handler=Stage");
        var moved = await PageAsync(client);
        var settings = await PageAsync(client, "/plan/settings");

        Assert.Contains("Ready to step up to nerve tensioners", ready, StringComparison.Ordinal);
        Assert.Contains("17 days of slider sessions (16 sessions) with pain during at most 3/10", ready, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("You are now on nerve tensioners.", moved, StringComparison.Ordinal);
        Assert.Contains("Nerve pain pathway, step 4 of 6: <strong>Nerve tensioners</strong>", moved, StringComparison.Ordinal);
        Assert.Contains("You are here. You have been on this step since 17 Mar.", moved, StringComparison.Ordinal);
        Assert.Contains("you:</strong> Moved to the nerve pain pathway, nerve tensioners.", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_flag_pauses_the_plan_until_a_professional_has_checked_it()
    {
        _clock = Clock(16, 9);
        var client = await SignedInAsync();
        await client.SlidersAsync(16);
        await client.PostAsync(At(15, 20), "symptom", "saddle-numbness", 4);

        var flagged = await PageAsync(client);
        await client.SubmitAsync("/safety/check", new Dictionary<string, string> { ["Confirm"] = "true" });
        var cleared = await PageAsync(client);

        Assert.Contains("Your plan is paused", flagged, StringComparison.Ordinal);
        Assert.Contains("Go to an emergency department now", flagged, StringComparison.Ordinal);
        Assert.Contains("numbness between your legs: around your genitals, bottom or inner thighs <span class=\"muted\">(logged 16 Mar)", flagged, StringComparison.Ordinal);
        Assert.Contains("Your exercises are paused until a doctor has seen you", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("data-entry-type=\"exercise\"", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("movement is fine", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("Good morning", flagged, StringComparison.Ordinal);
        Assert.Contains("Ready to step up", cleared, StringComparison.Ordinal);
        Assert.Contains("Warning signs last checked by a professional on 17 Mar.", await PageAsync(client, "/plan/settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_refuse_a_level_outside_the_plan_and_keep_who_changed_what()
    {
        var client = await SignedInAsync();

        var refused = await client.SubmitAsync("/plan/settings", new Dictionary<string, string> { ["Stage"] = "diary", ["Level"] = "9" });
        var saved = await client.SubmitAsync("/plan/settings", new Dictionary<string, string> { ["Stage"] = "sliders", ["Level"] = "4" });
        var page = await PageAsync(client, "/plan/settings");

        Assert.Contains("Agreed pain level must be a whole number from 0 to 5, not 9.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("you:</strong> Moved to the nerve pain pathway, nerve sliders. Agreed pain level set to 4/10.", page, StringComparison.Ordinal);
        Assert.Contains("your agreed level is 4", await PageAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_file_holds_the_weeks_sessions_as_calendar_apps_expect()
    {
        _clock = Clock(2, 9);
        var client = await SignedInAsync();
        await client.PostAsync(At(1, 18), "exercise", "slump-tensioner", 2, 5);

        var response = await client.GetAsync("/plan/calendar.ics?at=07:30");
        var again = await client.GetByteArrayAsync("/plan/calendar.ics?at=07:30");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nervewise-plan-2027-03-03.ics", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Nervewise//Rehab plan//EN\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        // Tensioners: the tensioners and the slider warm-up three times a week, general movement three times: Mon, Wed, Fri.
        // Four weeks from Wednesday 3 March, whose 07:30 has passed (09:00 now); an account with no zone gets floating times.
        Assert.Equal(["DTSTART:20270305T073000", "DTSTART:20270308T073000", "DTSTART:20270310T073000", "DTSTART:20270312T073000",
            "DTSTART:20270315T073000", "DTSTART:20270317T073000", "DTSTART:20270319T073000", "DTSTART:20270322T073000",
            "DTSTART:20270324T073000", "DTSTART:20270326T073000", "DTSTART:20270329T073000"], unfolded.Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal)));
        Assert.Equal(11, unfolded.Count(l => l == "BEGIN:VEVENT"));
        Assert.Contains("SUMMARY:Rehab: slump tensioner\\, straight-leg-raise tensioner\\, slump slider\\, general movement", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith("DURATION:PT35M", StringComparison.Ordinal));
        Assert.Contains(unfolded, l => l.StartsWith("DESCRIPTION:Nerve pain plan\\, step 4 of 6: Nerve tensioners. ", StringComparison.Ordinal) && l.Contains("\\n\\nSlump tensioner (2 sets of 6\\, about 5 min\\, 3 times a week)", StringComparison.Ordinal));
        Assert.Equal(unfolded.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)), Encoding.UTF8.GetString(again).Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)));
        Assert.Equal(11, unfolded.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).Distinct().Count());
    }

    [Fact]
    public async Task A_calendar_time_that_is_not_a_time_is_refused()
    {
        var client = await SignedInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/plan/calendar.ics?at=25:00")).StatusCode);
    }

    [Fact]
    public async Task One_persons_plan_shows_nothing_of_anothers()
    {
        var ada = await SignedInAsync();
        await ada.SubmitAsync("/plan", new Dictionary<string, string> { ["Item"] = "slump-slider", ["Minutes"] = "5", ["Pain"] = "2" });
        await ada.SubmitAsync("/plan/settings", new Dictionary<string, string> { ["Stage"] = "sliders", ["Level"] = "4" });
        var eve = App.OnClock(_clock).Browser();
        await eve.RegisterAsync("eve@example.com");

        var page = await PageAsync(eve);
        var settings = await PageAsync(eve, "/plan/settings");

        Assert.Contains("Nerve pain pathway, step 1 of 6: <strong>Settle</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Done today", page, StringComparison.Ordinal);
        Assert.Contains("No changes yet", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exercise_pages_show_every_step_and_unknown_ones_are_not_found()
    {
        var client = await SignedInAsync();

        var page = await PageAsync(client, "/plan/exercise/splits-progression");
        var missing = await client.GetAsync("/plan/exercise/cartwheel");

        Assert.Contains("Level 5: longer holds, adding 10 seconds a week.", page, StringComparison.Ordinal);
        Assert.Contains("3 holds of 10 seconds, about 5 min", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
