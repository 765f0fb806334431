using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages;

public sealed class TodayTestsOnSqlite() : TodayTests(DatabaseProvider.Sqlite);

public sealed class TodayTestsOnPostgres() : TodayTests(DatabaseProvider.Postgres);

/// <summary>The home page on a fake clock: which reminders show, and when.</summary>
public abstract class TodayTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Reassess = "It is four weeks since you answered the questions.";
    private const string Stuck = "Your pain is no better than 8 weeks ago. Talk to your physio or doctor about next steps.";

    private readonly FakeTimeProvider _clock = Clock(0, 9);

    private async Task<HttpClient> PersonAsync()
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync("ada@example.com");
        return client;
    }

    private static async Task AssessAsync(HttpClient client, Dictionary<string, object>? answers = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/assessments", answers ?? new Dictionary<string, object>
        {
            ["pins-and-needles"] = true, ["pain-below-knee"] = true,
            ["delayed-unpredictable"] = false, ["worse-at-night"] = false, ["distressed-by-pain"] = false,
        });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<string> HomeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/today");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Worst pain each morning over the two weeks ending 8 weeks before day <paramref name="today"/>, and over the last two weeks.</summary>
    private static async Task PainThenAndNowAsync(HttpClient client, int today, decimal then, decimal now)
    {
        for (var day = today - 69; day <= today - 56; day++)
        {
            await client.PostAsync(At(day, 8), "pain", "posterior-thigh", then);
        }
        for (var day = today - 13; day <= today; day++)
        {
            await client.PostAsync(At(day, 8), "pain", "posterior-thigh", now);
        }
    }

    [Fact]
    public async Task The_re_assessment_reminder_shows_28_days_after_the_last_assessment_and_not_before()
    {
        var client = await PersonAsync();
        await AssessAsync(client);

        Assert.DoesNotContain(Reassess, await HomeAsync(client), StringComparison.Ordinal);
        _clock.Set(At(28, 8, 59));
        await client.SignInAsync("ada@example.com"); // the sign-in cookie runs on the same clock and has expired
        Assert.DoesNotContain(Reassess, await HomeAsync(client), StringComparison.Ordinal);
        _clock.Set(At(28, 9));
        var due = await HomeAsync(client);
        Assert.Contains(Reassess, due, StringComparison.Ordinal);
        Assert.Contains("href=\"/assessment/questions\"", due, StringComparison.Ordinal);

        await AssessAsync(client);
        Assert.DoesNotContain(Reassess, await HomeAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eight_weeks_without_improvement_brings_the_talk_to_your_clinician_reminder()
    {
        _clock.Set(At(70, 12));
        var client = await PersonAsync();
        await AssessAsync(client);
        await PainThenAndNowAsync(client, today: 70, then: 6, now: 5.5m);

        var page = await HomeAsync(client);

        Assert.Contains(Stuck, page, StringComparison.Ordinal);
        Assert.Contains("href=\"/lessons/when-to-get-help\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drop_of_a_point_in_eight_weeks_is_improvement_and_brings_no_reminder()
    {
        _clock.Set(At(70, 12));
        var client = await PersonAsync();
        await AssessAsync(client);
        await PainThenAndNowAsync(client, today: 70, then: 6, now: 5);

        Assert.DoesNotContain(Stuck, await HomeAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_weekly_check_in_is_offered_until_done_and_falls_due_again_a_week_later()
    {
        var client = await PersonAsync();
        await AssessAsync(client);
        Assert.Contains("Try the weekly check-in", await HomeAsync(client), StringComparison.Ordinal);

        await client.PostAsync(At(0, 9), "checkin", "stress", 2);
        var done = await HomeAsync(client);
        Assert.DoesNotContain("weekly check-in", done, StringComparison.Ordinal);

        _clock.Set(At(6, 23));
        Assert.DoesNotContain("weekly check-in", await HomeAsync(client), StringComparison.Ordinal);
        _clock.Set(At(7, 9));
        Assert.Contains("Your weekly check-in is due", await HomeAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_today_s_sessions_logging_first_aid_and_the_pain_line_with_flare_ups()
    {
        _clock.Set(At(14, 12));
        var client = await PersonAsync();
        await AssessAsync(client);
        for (var day = 0; day <= 13; day++)
        {
            await client.PostAsync(At(day, 8), "pain", day < 7 ? "calf" : "posterior-thigh", 4);
        }
        await client.PostAsync(At(5, 20), "flare", "calf", 7);
        await client.PostAsync(At(14, 10), "exercise", "easing-positions", 1, 10);

        var page = await HomeAsync(client);

        Assert.Contains("href=\"/first-aid\"", page, StringComparison.Ordinal);
        foreach (var quick in new[] { "/diary/pain", "/diary/activity", "/diary/session", "/diary/sleep" })
        {
            Assert.Contains($"href=\"{quick}\"", page, StringComparison.Ordinal);
        }
        Assert.Contains("Step 1 of 6: Settle.", page, StringComparison.Ordinal);
        Assert.Contains("Done, pain 1/10", page, StringComparison.Ordinal);
        Assert.Contains("class=\"pain-spark\"", page, StringComparison.Ordinal);
        Assert.Contains("1 flare-up, marked in red", page, StringComparison.Ordinal);
        Assert.Contains("Good news: this week the pain stayed higher up the leg (back of thigh). The week before, it reached the calf or shin.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warning_signs_logged_before_setting_up_bring_the_card_and_nothing_else_to_do()
    {
        var client = await PersonAsync();
        await client.PostAsync(At(0, 8), "symptom", "bladder-bowel-change", 5);

        var page = await HomeAsync(client);

        Assert.True(page.IndexOf("data-urgency=\"emergency\"", StringComparison.Ordinal) < page.IndexOf("<h1", StringComparison.Ordinal));
        Assert.Contains("Call 999", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/first-aid\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Finish setting up", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Try the weekly check-in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rehab session", page, StringComparison.Ordinal);
        Assert.DoesNotContain("home-alert", page, StringComparison.Ordinal);
        Assert.Contains("Two-minute read: <a href=\"/lessons/when-to-get-help\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_exercises_are_paused_no_reminder_nudges_and_spreading_pain_gets_no_reassurance()
    {
        _clock.Set(At(35, 12));
        var client = await PersonAsync();
        await AssessAsync(client, new Dictionary<string, object> { ["pins-and-needles"] = true, ["cancer-history"] = true });
        _clock.Set(At(63, 12)); // four weeks after the questions: the re-assessment would be due
        await client.SignInAsync("ada@example.com");
        for (var day = 50; day <= 63; day++)
        {
            await client.PostAsync(At(day, 8), "pain", day < 57 ? "posterior-thigh" : "calf", 4);
        }

        var page = await HomeAsync(client);

        Assert.Contains("See a doctor within the next few days", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Reassess, page, StringComparison.Ordinal);
        Assert.DoesNotContain("check-in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("often settles", page, StringComparison.Ordinal);
        Assert.Contains("Tell the doctor or physiotherapist who checks you.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Easy movement", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_opening_today_goes_to_the_caseload()
    {
        var client = await ClinicianAsync("physio@example.com");

        // Issue 17: a clinician has no Today of their own; where sign-in lands leads to their caseload.
        var page = await client.GetAsync("/today");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/clinic", page.Headers.Location?.OriginalString);
    }
}
