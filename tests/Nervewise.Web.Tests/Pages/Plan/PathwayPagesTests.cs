using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.CheckIns;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.Plan;

public sealed class PathwayPagesTestsOnSqlite() : PathwayPagesTests(DatabaseProvider.Sqlite);

public sealed class PathwayPagesTestsOnPostgres() : PathwayPagesTests(DatabaseProvider.Postgres);

/// <summary>
/// The person's pages follow the pathway their assessment picks (issue 14): the first week, the plan with its notes,
/// precautions, dose cut and a hard week's ideas, Today, the training page's library, the exercise pages and the calendar.
/// </summary>
public abstract class PathwayPagesTests(DatabaseProvider provider) : AppTest(provider)
{
    private FakeTimeProvider _clock = Clock(0, 9);

    private async Task<HttpClient> SignedInAsync(string email = "ada@example.com")
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync(email);
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
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

    private static string Unfolded(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    [Fact]
    public async Task A_tendon_assessment_gives_a_tendon_first_week_tendon_sessions_and_the_tendon_lesson()
    {
        var client = await SignedInAsync();
        await client.AssessAsync(PathwayAnswers.Tendon());

        var firstWeek = await PageAsync(client, "/welcome/first-week");
        Assert.Contains("Start with: Holds", firstWeek, StringComparison.Ordinal);
        Assert.Contains("Bridge hold on a step", firstWeek, StringComparison.Ordinal);
        Assert.Contains("Your sit-bone tendon plan, step by step", firstWeek, StringComparison.Ordinal);
        Assert.Contains("href=\"/lessons/sit-bone-tendon\"", firstWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("Slump", firstWeek, StringComparison.Ordinal);

        var started = await client.SubmitAsync("/welcome/first-week", new Dictionary<string, string>());
        Assert.Equal("/today", started.Headers.Location?.OriginalString);
        Assert.Equal("isometric", await StageAsync());

        var today = await PageAsync(client, "/today");
        Assert.Contains("Your first week has started: holds.", today, StringComparison.Ordinal);
        Assert.Contains("Step 1 of 4: Holds.", today, StringComparison.Ordinal);
        Assert.Contains("(sit-bone tendon plan)", today, StringComparison.Ordinal);
        Assert.Contains("Bridge hold on a step", today, StringComparison.Ordinal);
        Assert.Contains("Two-minute read: <a href=\"/lessons/sit-bone-tendon\">", today, StringComparison.Ordinal);

        var plan = await PageAsync(client, "/plan");
        Assert.Contains("Sit-bone tendon pathway, step 1 of 4: <strong>Holds</strong>", plan, StringComparison.Ordinal);
        Assert.Contains("Each step asks a little more of the tendon.", plan, StringComparison.Ordinal);
        Assert.Contains("id=\"ex-tendon-isometric\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("slump", plan, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("loads the nerve", plan, StringComparison.Ordinal);
        Assert.Contains("href=\"/lessons/sit-bone-tendon\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/lessons/graded-exposure\"", plan, StringComparison.Ordinal);

        var calendar = Unfolded(await client.GetStringAsync("/plan/calendar.ics"));
        Assert.Contains("DESCRIPTION:Sit-bone tendon plan\\, step 1 of 4: Holds. ", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Rehab: bridge hold on a step", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strain_assessment_gives_a_strain_first_week_strain_sessions_and_the_strain_lesson()
    {
        var client = await SignedInAsync();
        await client.AssessAsync(PathwayAnswers.Strain());

        var firstWeek = await PageAsync(client, "/welcome/first-week");
        Assert.Contains("Start with: Protect", firstWeek, StringComparison.Ordinal);
        Assert.Contains("Heel-dig holds", firstWeek, StringComparison.Ordinal);
        Assert.Contains("Your hamstring strain plan, step by step", firstWeek, StringComparison.Ordinal);
        Assert.Contains("href=\"/lessons/hamstring-strain\"", firstWeek, StringComparison.Ordinal);

        await client.SubmitAsync("/welcome/first-week", new Dictionary<string, string>());
        Assert.Equal("protect", await StageAsync());

        var plan = await PageAsync(client, "/plan");
        Assert.Contains("Hamstring strain pathway, step 1 of 5: <strong>Protect</strong>", plan, StringComparison.Ordinal);
        Assert.Contains("Each step asks a little more of the healing muscle.", plan, StringComparison.Ordinal);
        Assert.Contains("id=\"ex-hamstring-isometric\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("slump", plan, StringComparison.OrdinalIgnoreCase);

        var today = await PageAsync(client, "/today");
        Assert.Contains("Step 1 of 5: Protect.", today, StringComparison.Ordinal);
        Assert.Contains("(hamstring strain plan)", today, StringComparison.Ordinal);
        Assert.Contains("Two-minute read: <a href=\"/lessons/hamstring-strain\">", today, StringComparison.Ordinal);

        var training = await PageAsync(client, "/plan/training");
        Assert.Contains("Back to your sport, step by step", training, StringComparison.Ordinal);
        Assert.DoesNotContain("Bringing back the positions that provoke it", training, StringComparison.Ordinal);
        Assert.DoesNotContain("slider", training[..training.IndexOf("library-title", StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase);
        // The library groups every exercise by pathway, the person's own first and open.
        var own = training.IndexOf("<details class=\"library-pathway\" id=\"library-muscle\" open", StringComparison.Ordinal);
        Assert.True(own > 0, "The strain library is shown open.");
        Assert.True(own < training.IndexOf("id=\"library-nerve\"", StringComparison.Ordinal));
        Assert.True(own < training.IndexOf("id=\"library-tendon\"", StringComparison.Ordinal));
        foreach (var exercise in RehabRules.Current.Exercises)
        {
            Assert.Contains($"href=\"/plan/exercise/{exercise.Id}\"", training, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_new_assessment_that_finds_another_source_moves_the_plan_and_says_so()
    {
        var client = await SignedInAsync();
        for (var day = -4; day < 0; day++)
        {
            await client.PostAsync(At(day, 8), "pain", "posterior-thigh", 2);
            await client.PostAsync(At(day, 18), "exercise", "slump-slider", 2, 5);
        }
        Assert.Contains("Nerve pain pathway", await PageAsync(client, "/plan"), StringComparison.Ordinal);

        await client.AssessAsync(PathwayAnswers.Tendon());
        var plan = await PageAsync(client, "/plan");

        Assert.Contains("Sit-bone tendon pathway, step 1 of 4", plan, StringComparison.Ordinal);
        Assert.Contains("<p class=\"notice pathway-note\" role=\"note\">Your assessment on", plan, StringComparison.Ordinal);
        Assert.Contains("rather than nerve pain, so your plan has moved to the sit-bone tendon pathway", plan, StringComparison.Ordinal);
        Assert.Contains("Your earlier sessions stay in your diary.", await PageAsync(client, "/today"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_possible_source_shows_its_precautions_and_leaves_out_what_it_rules_out()
    {
        var answers = new Dictionary<string, object>(PathwayAnswers.Tendon())
        {
            ["pins-and-needles"] = true, ["pain-below-knee"] = true, ["numbness"] = true, ["sitting-bending-worst"] = true,
        };
        var judged = AssessmentEngine.Assess(AssessmentInput.Parse(System.Text.Json.JsonSerializer.Serialize(answers)));
        Assert.Equal(Source.Nerve, judged.PrimarySource);
        Assert.True(judged.For(Source.Tendon).Level >= Level.Possible, "The answers leave the tendon possible.");
        var client = await SignedInAsync();
        await client.AssessAsync(answers);
        await client.SubmitAsync("/plan", new Dictionary<string, string> { ["stage"] = "tensioners" }, "/plan?handler=Stage");

        var plan = await PageAsync(client, "/plan");

        Assert.Contains("Nerve pain pathway, step 4 of 6", plan, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"personal-title\">Made for you</h2>", plan, StringComparison.Ordinal);
        Assert.Contains(RehabRules.Current.For(Pathway.Tendon).Precautions, plan, StringComparison.Ordinal);
        Assert.Contains("Some exercises are left out while sit-bone tendon is also possible", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ex-slump-tensioner\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ex-slr-tensioner\"", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_above_the_agreed_level_that_settles_by_morning_shows_a_smaller_dose()
    {
        _clock = Clock(-3, 9);
        var client = await SignedInAsync();
        await client.SubmitAsync("/plan", new Dictionary<string, string> { ["stage"] = "sliders" }, "/plan?handler=Stage");
        for (var day = -10; day <= 0; day++)
        {
            await client.PostAsync(At(day, 8), "pain", "posterior-thigh", 2);
        }
        await client.PostAsync(At(-1, 18), "exercise", "slump-slider", 6, 5);
        _clock.Set(At(0, 9));

        var plan = await PageAsync(client, "/plan");

        var rules = RehabRules.Current;
        var full = rules.DoseAt(Pathway.Nerve, Stage.Sliders, "slump-slider");
        var cut = full.Cut(rules.Adjustments.DoseCutShare.Value);
        Assert.NotEqual(full.Describe(), cut.Describe());
        Assert.Contains("<h2 id=\"dose-cut-title\">A smaller dose this week</h2>", plan, StringComparison.Ordinal);
        Assert.Contains($"about {Math.Round((1 - rules.Adjustments.DoseCutShare.Value) * 100)}% smaller", plan, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"dose\">{cut.Describe()}</p>", plan, StringComparison.Ordinal);
        Assert.Contains("Stay with nerve sliders for now", plan, StringComparison.Ordinal);
        Assert.Contains("A smaller dose this week", await PageAsync(client, "/today"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_down_week_holds_the_plan_and_lists_ideas_from_the_check_in()
    {
        var client = await SignedInAsync();
        await client.AssessAsync(PathwayAnswers.Tendon());
        await client.SubmitAsync("/welcome/first-week", new Dictionary<string, string>());
        for (var day = -5; day <= -1; day++)
        {
            await client.PostAsync(At(day, 7), "sleep", "night", 4);
        }

        var plan = await PageAsync(client, "/plan");

        Assert.Contains("<h2 id=\"ideas-title\">A hard week: ideas to try</h2>", plan, StringComparison.Ordinal);
        var sleep = CheckinContent.Current.Priorities(new Dictionary<string, int> { ["sleep"] = 3 })[0];
        Assert.Contains($"<li>{sleep.Ideas[0]}</li>", plan, StringComparison.Ordinal);
        Assert.Contains("This has been a run-down week", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stride-progression")]
    [InlineData("forward-bend-progression")]
    public async Task The_new_nerve_provocations_have_a_drawing_and_an_exercise_page(string id)
    {
        var client = await SignedInAsync();

        var page = await PageAsync(client, $"/plan/exercise/{id}");
        var drawing = await client.GetAsync($"/img/exercises/{id}.svg");

        Assert.Contains($"src=\"/img/exercises/{id}.svg", page, StringComparison.Ordinal);
        Assert.Contains("Nerve pain plan, provocative positions step.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, drawing.StatusCode);
        var svg = await drawing.Content.ReadAsStringAsync();
        Assert.Contains("viewBox=\"0 0 240 140\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exercise_of_another_pathway_says_whose_it_is()
    {
        var client = await SignedInAsync();
        await client.AssessAsync(PathwayAnswers.Tendon());
        await client.SubmitAsync("/welcome/first-week", new Dictionary<string, string>());

        var own = await PageAsync(client, "/plan/exercise/tendon-isometric");
        var other = await PageAsync(client, "/plan/exercise/nordic-curl");

        Assert.Contains("Sit-bone tendon plan, holds step. It is in your plan this week.", own, StringComparison.Ordinal);
        Assert.Contains("Hamstring strain plan, lengthen step. Your own plan is the sit-bone tendon plan", other, StringComparison.Ordinal);
        Assert.Contains("class=\"tap-log\"", own, StringComparison.Ordinal);
        // Another ladder's exercise cannot be logged: its session would move the plan onto that ladder.
        Assert.DoesNotContain("class=\"tap-log\"", other, StringComparison.Ordinal);
        var refused = await client.SubmitAsync("/plan", new Dictionary<string, string> { ["Item"] = "nordic-curl", ["Minutes"] = "5", ["Pain"] = "2" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose an exercise from your plan.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
