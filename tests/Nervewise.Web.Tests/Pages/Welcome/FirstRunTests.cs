using System.Net;
using Nervewise.Domain.Assessment;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Welcome;

public sealed class FirstRunTestsOnSqlite() : FirstRunTests(DatabaseProvider.Sqlite);

public sealed class FirstRunTestsOnPostgres() : FirstRunTests(DatabaseProvider.Postgres);

/// <summary>The first run: welcome, the questions, a first week that fits; skipped and resumed from the home page.</summary>
public abstract class FirstRunTests(DatabaseProvider provider) : AppTest(provider)
{
    // The last screen, with every safety question answered (they must be, since 2026-11-28): no to each.
    private static readonly Dictionary<string, string> SteadyNervePain = new(
        AssessmentRules.Current.RedFlags.Items.Where(r => r.Item != "progressive-weakness").Select(r => KeyValuePair.Create($"a[{r.Item}]", "no")))
    {
        ["Step"] = $"{AssessmentQuestionnaire.Current.Screens.Count - 1}", ["Setup"] = "true", ["command"] = "next",
        ["a[pins-and-needles]"] = "yes", ["a[pain-below-knee]"] = "yes",
        ["a[delayed-unpredictable]"] = "no", ["a[worse-at-night]"] = "no", ["a[distressed-by-pain]"] = "no",
    };

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<string?> StageAsync()
    {
        await using var db = Database.OpenContext();
        return (await db.PlanSettings.SingleOrDefaultAsync())?.Stage;
    }

    [Fact]
    public async Task Registering_starts_the_first_run_which_can_be_skipped_and_resumed_from_the_home_page()
    {
        var client = App.Browser();

        var registered = await client.RegisterAsync("ada@example.com");
        Assert.Equal("/welcome", registered.Headers.Location?.OriginalString);
        var welcome = await GetAsync(client, "/welcome");
        Assert.Contains("It is a guide, not a diagnosis", welcome, StringComparison.Ordinal);
        Assert.Contains("href=\"/assessment/questions?setup=true\"", welcome, StringComparison.Ordinal);
        Assert.Contains("Skip for now", welcome, StringComparison.Ordinal);

        // Skipped: the home page offers to finish, every time, until the questions are answered.
        var home = await GetAsync(client, "/today");
        Assert.Contains("Finish setting up", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/welcome\"", home, StringComparison.Ordinal);
        Assert.Contains("Finish setting up", await GetAsync(client, "/today"), StringComparison.Ordinal);

        // Resumed: the questions as part of set-up lead to the first week, not the result page.
        Assert.Contains("Questions", await GetAsync(client, "/assessment/questions?setup=true"), StringComparison.Ordinal);
        var answered = await client.SubmitAsync("/assessment/questions?setup=true", SteadyNervePain);
        Assert.Equal("/welcome/first-week", answered.Headers.Location?.OriginalString);
        var firstWeek = await GetAsync(client, "/welcome/first-week");
        Assert.Contains("Start with: General movement", firstWeek, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\"", firstWeek, StringComparison.Ordinal);

        var started = await client.SubmitAsync("/welcome/first-week", new Dictionary<string, string>());
        Assert.Equal("/today", started.Headers.Location?.OriginalString);
        Assert.Equal("general-movement", await StageAsync());
        home = await GetAsync(client, "/today");
        Assert.Contains("Your first week has started: general movement.", home, StringComparison.Ordinal);
        Assert.Contains("Step 2 of 6: General movement.", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Finish setting up", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Your first week is ready", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_answered_but_the_first_week_skipped_are_picked_up_from_the_home_page()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        await client.SubmitAsync("/assessment/questions?setup=true", SteadyNervePain);

        var home = await GetAsync(client, "/today");

        Assert.Contains("Your first week is ready", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/welcome/first-week\"", home, StringComparison.Ordinal);
        Assert.Contains("See your first week", await GetAsync(client, "/welcome"), StringComparison.Ordinal);
        Assert.Null(await StageAsync());
    }

    [Fact]
    public async Task Hard_to_predict_nerve_pain_starts_the_first_week_at_settle()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        await client.SubmitAsync("/assessment/questions?setup=true", new Dictionary<string, string>(SteadyNervePain) { ["a[delayed-unpredictable]"] = "yes" });

        Assert.Contains("Start with: Settle", await GetAsync(client, "/welcome/first-week"), StringComparison.Ordinal);
        await client.SubmitAsync("/welcome/first-week", new Dictionary<string, string>());
        Assert.Equal("settle", await StageAsync());
    }

    [Fact]
    public async Task Warning_signs_come_first_and_no_exercise_plan_is_started_until_a_doctor_has_checked()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var answered = await client.SubmitAsync("/assessment/questions?setup=true", new Dictionary<string, string>
        {
            ["Step"] = "0", ["Setup"] = "true", ["command"] = "next", ["a[saddle-numbness]"] = "yes",
        });
        Assert.Equal("/welcome/first-week", answered.Headers.Location?.OriginalString);
        var firstWeek = await GetAsync(client, "/welcome/first-week");
        Assert.Contains("Go to an emergency department now", firstWeek, StringComparison.Ordinal);
        Assert.True(firstWeek.IndexOf("data-urgency=\"emergency\"", StringComparison.Ordinal) < firstWeek.IndexOf("<h1>", StringComparison.Ordinal),
            "The safety card comes before the page's own heading.");
        Assert.Contains("Your first week waits", firstWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("Start my first week", firstWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("Start with:", firstWeek, StringComparison.Ordinal);
        Assert.Contains("Your first week waits until a doctor has seen you.", await GetAsync(client, "/welcome"), StringComparison.Ordinal);

        await client.PostWithoutFormAsync("/welcome/first-week", new Dictionary<string, string>());
        Assert.Null(await StageAsync());
        var home = await GetAsync(client, "/today");
        Assert.Contains("Go to an emergency department now", home, StringComparison.Ordinal);
        Assert.Contains("Your exercises are paused until a doctor has seen you", home, StringComparison.Ordinal);
        Assert.DoesNotContain("weekly check-in", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Your first week is ready", home, StringComparison.Ordinal);

        await client.SubmitAsync("/safety/check", new Dictionary<string, string> { ["Confirm"] = "true" });
        home = await GetAsync(client, "/today");
        Assert.DoesNotContain("Go to an emergency department now", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Your exercises are paused", home, StringComparison.Ordinal);
        // Checked: the first week is offered from the answers' sources, as for anyone without warning signs.
        Assert.Contains("Start my first week", await GetAsync(client, "/welcome/first-week"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weakness_asks_for_a_check_on_the_home_page_and_the_first_week_settles_meanwhile()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        await client.SubmitAsync("/assessment/questions?setup=true", new Dictionary<string, string>(SteadyNervePain) { ["a[weakness]"] = "yes", ["a[progressive-weakness]"] = "no" });

        Assert.Contains("Start with: Settle", await GetAsync(client, "/welcome/first-week"), StringComparison.Ordinal);
        await client.SubmitAsync("/welcome/first-week", new Dictionary<string, string>());
        var home = await GetAsync(client, "/today");
        Assert.Contains("Book a physiotherapist or doctor", home, StringComparison.Ordinal);
        Assert.Contains("Step 1 of 6: Settle.", home, StringComparison.Ordinal);
        Assert.Contains("Your plan stays at this step until a physiotherapist or doctor has checked", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Your exercises are paused", home, StringComparison.Ordinal);

        await client.SubmitAsync("/safety/check", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.DoesNotContain("Book a physiotherapist or doctor", await GetAsync(client, "/today"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_already_chosen_is_never_overwritten_by_the_first_week()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        using (var set = await client.PutAsJsonAsync("/api/v1/plan/settings", new { stage = "sliders" }))
        {
            set.EnsureSuccessStatusCode();
        }
        await client.SubmitAsync("/assessment/questions?setup=true", SteadyNervePain);

        Assert.Contains("already set to nerve sliders", await GetAsync(client, "/welcome/first-week"), StringComparison.Ordinal);
        await client.PostWithoutFormAsync("/welcome/first-week", new Dictionary<string, string>());
        Assert.Equal("sliders", await StageAsync());
    }

    [Fact]
    public async Task Without_answers_the_first_week_page_leads_back_to_the_welcome()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var response = await client.GetAsync("/welcome/first-week");

        Assert.Equal("/welcome", response.Headers.Location?.OriginalString);
    }
}
