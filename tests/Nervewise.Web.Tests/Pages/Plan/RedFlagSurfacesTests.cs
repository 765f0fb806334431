using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.Plan;

public sealed class RedFlagSurfacesTestsOnSqlite() : RedFlagSurfacesTests(DatabaseProvider.Sqlite);

public sealed class RedFlagSurfacesTestsOnPostgres() : RedFlagSurfacesTests(DatabaseProvider.Postgres);

/// <summary>
/// The person's everyday surfaces (Today, the plan page, the plan API and the calendar) obey the one safety state at
/// each urgency, whether the warning sign came from the questions or from the diary. The diary is a steady fortnight of
/// sliders, so without the sign the plan would say "step up": at urgent or higher no exercise advice may appear at all,
/// and at soon the plan holds at its stage with its sessions.
/// </summary>
public abstract class RedFlagSurfacesTests(DatabaseProvider provider) : AppTest(provider)
{
    private readonly FakeTimeProvider _clock = Clock(16, 9);

    /// <summary>Words that are exercise advice, or the reassurance that must not follow a warning sign.</summary>
    private static readonly string[] ExerciseAdvice =
    [
        "class=\"exercise-card\"", "data-entry-type=\"exercise\"", "/plan/calendar.ics", "movement is fine", "Movement is fine",
        "Do it", "href=\"/diary/session\"", "Step up to", "ready for the next step", "Your first week is ready",
        "href=\"/lessons/graded-exposure\"", "href=\"/plan/training\"", "weekly check-in", "Gentle everyday movement",
    ];

    public static TheoryData<string, string, string> Signs => new()
    {
        { "emergency", "saddle-numbness", "assessment" },
        { "emergency", "saddle-numbness", "diary" },
        { "today", "foot-drop", "assessment" },
        { "today", "foot-drop", "diary" },
        { "urgent", "constant-night-pain", "assessment" },
        { "urgent", "constant-night-pain", "diary" },
        { "soon", "weakness", "assessment" },
        { "soon", "weakness", "diary" },
    };

    private async Task<HttpClient> SteadySlidersAsync()
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync("ada@example.com");
        await client.SlidersAsync(16);
        return client;
    }

    private static async Task SignAsync(HttpClient client, string item, string from, int day = 15)
    {
        if (from == "diary")
        {
            await client.PostAsync(At(day, 20), "symptom", item, 4);
            return;
        }
        var answers = new Dictionary<string, object> { ["pins-and-needles"] = true, [item] = true };
        if (item == "weakness")
        {
            answers["progressive-weakness"] = false;
        }
        using var response = await client.PostAsJsonAsync("/api/v1/assessments", answers);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static void CardFirst(string page, string level)
    {
        var card = page.IndexOf($"data-urgency=\"{level}\"", StringComparison.Ordinal);
        Assert.True(card >= 0, $"No {level} safety card.");
        Assert.True(card < page.IndexOf("<h1", StringComparison.Ordinal), "The safety card comes before the page's own heading.");
        Assert.Equal(1, page.Split("class=\"safety-card").Length - 1);
    }

    [Theory]
    [MemberData(nameof(Signs))]
    public async Task Today_the_plan_the_api_and_the_calendar_obey_the_safety_state(string level, string item, string from)
    {
        var client = await SteadySlidersAsync();
        await SignAsync(client, item, from);
        var urgency = Names.ParseUrgency(level);
        var paused = urgency >= Urgency.Urgent;
        var words = AssessmentWording.For(urgency);
        var says = WarningSigns.Says(item);

        var today = await PageAsync(client, "/today");
        var plan = await PageAsync(client, "/plan");
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan");
        var calendar = await client.GetAsync("/plan/calendar.ics");

        foreach (var page in new[] { today, plan })
        {
            CardFirst(page, level);
            Assert.Contains(words.Headline, page, StringComparison.Ordinal);
            Assert.Contains(says, page, StringComparison.Ordinal);
            Assert.Contains("href=\"/safety/check\"", page, StringComparison.Ordinal);
            Assert.Contains("href=\"/first-aid\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("handler=Checked", page, StringComparison.Ordinal);
        }
        var json = api.GetProperty("plan");
        Assert.Equal("seek-help", json.GetProperty("decision").GetString());
        Assert.Equal(level, json.GetProperty("urgency").GetString());
        var reason = Assert.Single(json.GetProperty("safetyReasons").EnumerateArray());
        Assert.Equal((item, level, from, says),
            (reason.GetProperty("item").GetString(), reason.GetProperty("urgency").GetString(), reason.GetProperty("from").GetString(), reason.GetProperty("says").GetString()));
        Assert.Contains(json.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains(says, StringComparison.Ordinal));
        var sessions = api.GetProperty("week").EnumerateArray().Sum(d => d.GetProperty("sessions").GetArrayLength());
        Assert.Equal(paused, api.GetProperty("exercisesPaused").GetBoolean());

        if (paused)
        {
            // No exercise advice anywhere: no session, no log, no calendar, no "movement is fine", no step up.
            foreach (var page in new[] { today, plan })
            {
                Assert.All(ExerciseAdvice, advice => Assert.DoesNotContain(advice, page, StringComparison.Ordinal));
                Assert.Contains("Your exercises are paused until a doctor has seen you", page, StringComparison.Ordinal);
            }
            Assert.Contains("href=\"/lessons/when-to-get-help\"", today, StringComparison.Ordinal);
            Assert.Contains("Your plan is paused", plan, StringComparison.Ordinal);
            Assert.Equal(0, sessions);
            Assert.Equal(HttpStatusCode.Conflict, calendar.StatusCode);
            Assert.Equal("application/problem+json", calendar.Content.Headers.ContentType!.MediaType);
            var problem = await calendar.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Your exercises are paused", problem.GetProperty("title").GetString());
            foreach (var url in new[] { "/plan/exercise/slump-slider", "/plan/training" })
            {
                var other = await PageAsync(client, url);
                CardFirst(other, level);
                Assert.Contains("paused until a doctor has seen you", other, StringComparison.Ordinal);
                Assert.DoesNotContain("How to do it", other, StringComparison.Ordinal);
                Assert.DoesNotContain("Working to a pain level", other, StringComparison.Ordinal);
                Assert.DoesNotContain("Pain is not a reason to stop", other, StringComparison.Ordinal);
            }
        }
        else
        {
            // Soon: the plan holds at its stage with this stage's sessions, and nothing steps up until a check.
            Assert.Contains("Do it", today, StringComparison.Ordinal);
            Assert.Contains("Your plan stays at this step until a physiotherapist or doctor has checked", today, StringComparison.Ordinal);
            Assert.DoesNotContain("ready for the next step", today, StringComparison.Ordinal);
            Assert.Contains("Your plan stays at nerve sliders for now", plan, StringComparison.Ordinal);
            Assert.Contains("class=\"exercise-card\"", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Step up to", plan, StringComparison.Ordinal);
            // The contract gives nextStage only when the plan moves (cli.md, 2026-11-28); a hold for a check does not.
            Assert.Equal(JsonValueKind.Null, json.GetProperty("nextStage").ValueKind);
            Assert.Equal("sliders", json.GetProperty("stage").GetString());
            Assert.True(sessions > 0);
            Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
            Assert.Contains("BEGIN:VEVENT", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("Pain is not a reason to stop", await PageAsync(client, "/plan/training"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_check_recorded_at_safety_check_clears_it_and_a_sign_logged_after_it_raises_it_again()
    {
        var client = await SteadySlidersAsync();
        // Logged five weeks ago and never checked: red flags do not expire with time.
        await client.PostAsync(At(-20, 20), "symptom", "bladder-bowel-change", 3);
        Assert.Equal("emergency", (await client.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan").GetProperty("urgency").GetString());

        var recorded = await client.SubmitAsync("/safety/check", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var today = await PageAsync(client, "/today");
        var plan = await PageAsync(client, "/plan");
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan");
        var settings = await PageAsync(client, "/plan/settings");

        Assert.DoesNotContain("class=\"safety-card", today, StringComparison.Ordinal);
        Assert.Contains("Noted: a professional has checked your warning signs.", today, StringComparison.Ordinal);
        Assert.Contains("Do it", today, StringComparison.Ordinal);
        Assert.Contains("Ready to step up to nerve tensioners", plan, StringComparison.Ordinal);
        Assert.Equal("progress", api.GetProperty("plan").GetProperty("decision").GetString());
        Assert.False(api.GetProperty("plan").TryGetProperty("urgency", out _));
        Assert.False(api.GetProperty("plan").TryGetProperty("safetyReasons", out _));
        Assert.Contains("Warning signs last checked by a professional on 17 Mar.", settings, StringComparison.Ordinal);
        var settingsJson = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan/settings");
        Assert.Equal(_clock.GetUtcNow(), DateTimeOffset.Parse(settingsJson.GetProperty("safetyCheckedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        await using (var db = Database.OpenContext())
        {
            var row = await db.DiaryEntries.SingleAsync(e => e.Type == "checked");
            Assert.Equal("red-flags", row.Item);
            Assert.Null((await db.PlanSettings.SingleOrDefaultAsync())?.SafetyCheckedAt);
        }

        _clock.Set(At(16, 10));
        await client.PostAsync(At(16, 9, 30), "symptom", "saddle-numbness", 2);
        var raised = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan");
        Assert.Equal(("seek-help", "emergency"), (raised.GetProperty("plan").GetProperty("decision").GetString(), raised.GetProperty("plan").GetProperty("urgency").GetString()));
        // Only the new sign: the one before the check stays cleared.
        Assert.Equal("saddle-numbness", Assert.Single(raised.GetProperty("plan").GetProperty("safetyReasons").EnumerateArray()).GetProperty("item").GetString());
        today = await PageAsync(client, "/today");
        CardFirst(today, "emergency");
        Assert.DoesNotContain("Do it", today, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/today", HttpStatusCode.Redirect)]
    [InlineData("/plan", HttpStatusCode.OK)]
    public async Task The_old_checked_button_no_longer_records_a_check(string page, HttpStatusCode answer)
    {
        var client = await SteadySlidersAsync();
        await SignAsync(client, "saddle-numbness", "diary");

        // A form token from a page that still has one: the header's sign-out button carries none (ADR 0031).
        using var response = await client.SubmitAsync("/account/sign-out", new Dictionary<string, string>(), $"{page}?handler=Checked");

        // Today sends a page kept from before to /safety/check; the plan page shows itself. Neither records anything.
        Assert.Equal(answer, response.StatusCode);
        if (answer == HttpStatusCode.Redirect)
        {
            Assert.Equal("/safety/check", response.Headers.Location!.OriginalString);
        }
        await using var db = Database.OpenContext();
        Assert.False(await db.DiaryEntries.AnyAsync(e => e.Type == "checked"));
        Assert.Null((await db.PlanSettings.SingleOrDefaultAsync())?.SafetyCheckedAt);
        Assert.Equal("emergency", (await client.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan").GetProperty("urgency").GetString());
    }
}
