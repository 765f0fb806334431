using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Web.Tests.Pages.Clinic;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.Plan;

public sealed class ReachAndPlanWordsTestsOnSqlite() : ReachAndPlanWordsTests(DatabaseProvider.Sqlite);

public sealed class ReachAndPlanWordsTestsOnPostgres() : ReachAndPlanWordsTests(DatabaseProvider.Postgres);

/// <summary>
/// Issue 16: the person can reach the summary from the menu; Today tells them in plain words what their clinician
/// changed or wrote until they open it; the plan's words and dates are the reader's (days before a step began are
/// not "not logged", "since" is in their zone); the first run's result page leads back to the first week.
/// </summary>
public abstract partial class ReachAndPlanWordsTests(DatabaseProvider provider) : AppTest(provider)
{
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private async Task<(HttpClient Clinician, HttpClient Person, string Record)> SharedAsync()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(2, "pain", "posterior-thigh", 3));
        return (clinician, person, $"/clinic/patients/{await Database.IdOfAsync("pat@example.com")}");
    }

    private static Task<HttpResponseMessage> SavePlanAsync(HttpClient clinician, string record, string stage, string level = "default") =>
        clinician.SubmitAsync(record, new Dictionary<string, string> { ["Stage"] = stage, ["Level"] = level }, $"{record}?handler=Plan");

    [Fact]
    public async Task The_persons_menu_links_the_summary()
    {
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");

        var today = await PageAsync(person, "/today");

        Assert.Contains("<li><a href=\"/report\">Summary</a></li>", today, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_tells_the_person_what_their_clinician_changed_and_wrote_until_they_open_it()
    {
        var (clinician, person, record) = await SharedAsync();
        var before = await PageAsync(person, "/today");

        Assert.Equal(HttpStatusCode.Redirect, (await SavePlanAsync(clinician, record, "nerve/sliders", "4")).StatusCode);
        await SavePlanAsync(clinician, record, "nerve/tensioners", "4");
        using (var note = await clinician.SubmitAsync(record, new Dictionary<string, string> { ["Note"] = "Keep the sliders gentle this week." }, $"{record}?handler=Note"))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }
        var told = await PageAsync(person, "/today");
        var opened = await PageAsync(person, "/plan/news");
        var after = await PageAsync(person, "/today");

        Assert.DoesNotContain("From your clinician", before, StringComparison.Ordinal);
        Assert.Contains("From your clinician", told, StringComparison.Ordinal);
        Assert.Contains(
            "Your clinician moved you to the nerve pain pathway, nerve sliders, set your agreed pain level to 4/10 and moved you from nerve sliders to nerve tensioners.",
            told, StringComparison.Ordinal);
        Assert.Contains("Your clinician left you a note.", told, StringComparison.Ordinal);
        Assert.Contains("href=\"/plan/news\"", told, StringComparison.Ordinal);
        Assert.Contains("Keep the sliders gentle this week.", opened, StringComparison.Ordinal);
        Assert.Contains("Moved from nerve sliders to nerve tensioners.", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("From your clinician", after, StringComparison.Ordinal);
        // The plan history says the same in plain words, never slugs or arrows.
        var settings = await PageAsync(person, "/plan/settings");
        Assert.Contains("your clinician:</strong> Moved from nerve sliders to nerve tensioners.", settings, StringComparison.Ordinal);
        Assert.DoesNotMatch("→|default|sliders → |tensioners<", settings[settings.IndexOf("Who changed what", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task The_persons_own_changes_are_not_news()
    {
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");
        await person.PostAsync(At(-1, 8), "pain", "posterior-thigh", 2);

        await person.SubmitAsync("/plan", new Dictionary<string, string> { ["stage"] = "sliders" }, "/plan?handler=Stage");

        Assert.DoesNotContain("From your clinician", await PageAsync(person, "/today"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Days_before_the_step_began_are_not_not_logged_and_since_is_the_readers_day()
    {
        // Thursday 4 March 2027, 12:30 UTC: already Friday 5 March, 02:30, in Kiritimati (UTC+14).
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 4, 12, 30, 0, TimeSpan.Zero));
        var person = App.OnClock(clock).Browser();
        await person.RegisterAsync("ada@example.com", timeZone: "Pacific/Kiritimati");
        await person.PostAsync(new DateTimeOffset(2027, 2, 26, 8, 0, 0, TimeSpan.FromHours(14)), "pain", "posterior-thigh", 2);

        await person.SubmitAsync("/plan", new Dictionary<string, string> { ["stage"] = "sliders" }, "/plan?handler=Stage");
        var plan = await PageAsync(person, "/plan");

        Assert.Contains("Today, Friday 5 March", plan, StringComparison.Ordinal);
        Assert.Contains("You have been on this step since 5 Mar.", plan, StringComparison.Ordinal);
        var week = plan[plan.IndexOf("id=\"week-title\"", StringComparison.Ordinal)..plan.IndexOf("id=\"ladder-title\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("not logged", week, StringComparison.Ordinal);
        Assert.Contains("before this step began", week, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_result_page_opened_from_the_first_week_leads_back_to_it()
    {
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");
        await person.AssessAsync(PathwayAnswers.Tendon());

        var firstWeek = await PageAsync(person, "/welcome/first-week");
        var link = ResultLink().Match(firstWeek);
        Assert.True(link.Success, "the first week links the full result");
        var result = await PageAsync(person, link.Groups[1].Value);
        var plain = await PageAsync(person, link.Groups[1].Value.Split('?')[0]);

        Assert.Contains("<a class=\"button\" href=\"/welcome/first-week\">Back to start my first week</a>", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Back to start my first week", plain, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(/assessment/[0-9a-f-]+\\?from=first-week)\"")]
    private static partial Regex ResultLink();
}
