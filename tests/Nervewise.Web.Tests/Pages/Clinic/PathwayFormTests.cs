using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nervewise.Data;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Pages.Clinic;
using Nervewise.Web.Tests.Api;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed class PathwayFormTestsOnSqlite() : PathwayFormTests(DatabaseProvider.Sqlite);

public sealed class PathwayFormTestsOnPostgres() : PathwayFormTests(DatabaseProvider.Postgres);

/// <summary>The clinician chooses the pathway as well as the stage, and reads the plan and its history in plain words.</summary>
public abstract class PathwayFormTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly RehabRules Rules = RehabRules.Current;

    private static readonly int[] OffDays = [1, 3, 5, 6];

    private async Task<(HttpClient Clinician, HttpClient Person, string Record)> SharedAsync(Dictionary<string, object>? answers = null)
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(2, "pain", "posterior-thigh", 3));
        if (answers is not null)
        {
            using var assessed = await person.PostAsJsonAsync("/api/v1/assessments", answers);
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }
        return (clinician, person, $"/clinic/patients/{await Database.IdOfAsync("pat@example.com")}");
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient clinician, string record, string stage, string level = "default") =>
        clinician.SubmitAsync(record, new Dictionary<string, string> { ["Stage"] = stage, ["Level"] = level }, $"{record}?handler=Plan");

    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static string PlanSection(string page) => page[page.IndexOf("id=\"plan\"", StringComparison.Ordinal)..page.IndexOf("id=\"triggers-title\"", StringComparison.Ordinal)];

    [Fact]
    public async Task The_form_offers_every_pathways_stages_grouped_by_pathway()
    {
        var (clinician, _, record) = await SharedAsync();

        var plan = PlanSection(await PageAsync(clinician, record));

        foreach (var pathway in RehabNames.Pathways)
        {
            var group = plan.IndexOf($"<optgroup label=\"{Rules.For(pathway).Name} pathway\">", StringComparison.Ordinal);
            Assert.True(group > 0, RehabNames.Of(pathway));
            var end = plan.IndexOf("</optgroup>", group, StringComparison.Ordinal);
            foreach (var stage in RehabNames.StagesOf(pathway))
            {
                var option = plan.IndexOf($"<option value=\"{RehabNames.Of(pathway)}/{RehabNames.Of(stage)}\">", group, StringComparison.Ordinal);
                Assert.True(option > group && option < end, $"{RehabNames.Of(pathway)}/{RehabNames.Of(stage)}");
            }
        }
        Assert.Contains("<option value=\"diary\" selected=\"selected\">Follow the assessment and diary</option>", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_tendon_stage_moves_the_persons_plan_and_the_record_says_so_in_plain_words()
    {
        var (clinician, person, record) = await SharedAsync();

        var saved = await SaveAsync(clinician, record, "tendon/slow-heavy", "2");
        var page = await PageAsync(clinician, record);
        var plan = PlanSection(page);
        var own = (await person.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan");
        var caseload = Caseloads.RowOf(WebUtility.HtmlDecode(await clinician.GetStringAsync("/clinic")), "Pat");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Plan: Sit-bone tendon pathway, slow heavy lifts</h2>", plan, StringComparison.Ordinal);
        Assert.Contains("Pathway chosen in the plan settings.", plan, StringComparison.Ordinal);
        Assert.Contains("<option value=\"tendon/slow-heavy\" selected=\"selected\">", plan, StringComparison.Ordinal);
        // The person's own exercises for the stage, with their doses.
        foreach (var item in Rules.For(Pathway.Tendon, Stage.SlowHeavy).Plan)
        {
            var exercise = Rules.FindExercise(item.Exercise)!;
            var dose = Rules.DoseAt(Pathway.Tendon, Stage.SlowHeavy, exercise.Id) with { PerWeek = item.PerWeek };
            Assert.Contains($"<li><strong>{exercise.Name}</strong>: {dose.Describe()}</li>", plan, StringComparison.Ordinal);
        }
        Assert.Contains("Physio (clinician):</strong> Moved to the sit-bone tendon pathway, slow heavy lifts. Agreed pain level set to 2/10.", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("slow-heavy</li>", plan, StringComparison.Ordinal);
        Assert.Equal(("tendon", "slow-heavy", 2), (own.GetProperty("pathway").GetString(), own.GetProperty("stage").GetString(), own.GetProperty("agreedPainLevel").GetInt32()));
        Assert.Contains("Sit-bone tendon pathway, slow heavy lifts", caseload, StringComparison.Ordinal);
        Assert.Contains("data-pathway=\"tendon\"", caseload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pathway_alone_leaves_the_stage_to_the_diary_and_following_the_assessment_hands_both_back()
    {
        var (clinician, person, record) = await SharedAsync();

        await SaveAsync(clinician, record, "muscle");
        var onMuscle = (await person.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan");
        await SaveAsync(clinician, record, "diary");
        var page = PlanSection(await PageAsync(clinician, record));

        Assert.Equal(("muscle", "protect", true), (onMuscle.GetProperty("pathway").GetString(), onMuscle.GetProperty("stage").GetString(), onMuscle.GetProperty("stageFromDiary").GetBoolean()));
        Assert.Contains("Moved to the hamstring strain pathway, the stage following the diary.", page, StringComparison.Ordinal);
        Assert.Contains("Pathway and stage back to following the assessment and the diary.", page, StringComparison.Ordinal);
        Assert.Contains("Plan: Nerve pain pathway, settle</h2>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tendon/sliders", "Stage 'sliders' must be a stage of the tendon pathway: isometric, slow-heavy, energy-storage, full-training.")]
    [InlineData("knee/settle", "Pathway must be one of: nerve, muscle, tendon.")]
    [InlineData("hops", "Stage must be one of: nerve: settle, general-movement, sliders, tensioners, provocation, full-training; muscle: protect")]
    public async Task A_wrong_pathway_or_stage_is_refused_listing_the_valid_values_and_nothing_changes(string value, string message)
    {
        var (clinician, person, record) = await SharedAsync();

        var refused = await SaveAsync(clinician, record, value);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var settings = await person.GetFromJsonAsync<JsonElement>("/api/v1/plan/settings");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("pathway").ValueKind);
        Assert.Empty(settings.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task The_record_shows_the_pathway_note_and_the_precautions_a_second_source_adds()
    {
        // Sciatica with the sit-bone tendon possible too: the nerve pathway, minus what loads the tendon.
        var (clinician, _, record) = await SharedAsync(new Dictionary<string, object>
        {
            ["pins-and-needles"] = true, ["pain-below-knee"] = true, ["sit-bone-pain"] = true, ["pain-sitting-on-sit-bone"] = true,
        });
        await SaveAsync(clinician, record, "nerve/tensioners");

        var plan = PlanSection(await PageAsync(clinician, record));

        Assert.Contains("<h3>Precautions</h3>", plan, StringComparison.Ordinal);
        Assert.Contains(Rules.For(Pathway.Tendon).Precautions, plan, StringComparison.Ordinal);
        foreach (var avoided in Rules.For(Pathway.Tendon).AvoidWhenSecondary.Where(id => Rules.For(Pathway.Nerve, Stage.Tensioners).Plan.Any(i => i.Exercise == id)))
        {
            Assert.DoesNotContain($"<strong>{Rules.FindExercise(avoided)!.Name}</strong>", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_assessment_pathway_note_shows_on_the_record()
    {
        var (clinician, _, record) = await SharedAsync(PlanPathwayApiTests.StrainAnswers);

        var plan = PlanSection(await PageAsync(clinician, record));

        Assert.Contains("Plan: Hamstring strain pathway, protect</h2>", plan, StringComparison.Ordinal);
        Assert.Contains("Pathway from the latest assessment and the diary.", plan, StringComparison.Ordinal);
        Assert.Contains("points mainly to hamstring strain, so their plan follows that pathway.", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Adherence_counts_the_pathways_own_sessions_on_any_day_up_to_the_times_planned()
    {
        var monday = new DateOnly(2027, 3, 1);
        var week = WeeklyPlan.For(new PathwayStage(Pathway.Tendon, Stage.SlowHeavy), PlanSettings.None, monday, [], Rules);
        var curls = week.Days.Sum(d => d.Sessions.Count(s => s.Exercise.Id == "tendon-curl"));
        DiaryEntry Session(int day, string exercise, int hour = 18) =>
            DiaryEntry.Create(new DateTimeOffset(2027, 3, 1, hour, 0, 0, TimeSpan.FromHours(1)).AddDays(day), EntryType.Exercise, exercise, 2, 10, "");
        List<DiaryEntry> diary =
        [
            // Curls on four days none of which is a planned curl day: they count, up to the times planned.
            .. OffDays.Where(d => week.Days[d].Sessions.All(s => s.Exercise.Id != "tendon-curl")).Select(d => Session(d, "tendon-curl")),
            // Two deadlift sessions on one day count once towards the plan; last week's curl does not count at all; a
            // nerve slider is logged work outside this plan (issue 17: it is counted and named, not dropped).
            Session(0, "romanian-deadlift", 8), Session(0, "romanian-deadlift", 18), Session(2, "slump-slider"), Session(-3, "tendon-curl"),
        ];

        var counted = Adherence.Of(week, diary, t => DateOnly.FromDateTime(t.DateTime));

        Assert.Equal(4, diary.Count(e => e.Item == "tendon-curl" && e.Time >= new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal(week.Days.Sum(d => d.Sessions.Count), counted.Planned);
        Assert.Equal(Math.Min(4, curls) + 1, counted.OfPlan);
        Assert.Equal(4 + 2 + 1, counted.Logged);
        Assert.Equal([new WeekSessions.Outside("slump-slider", 1)], counted.OutsidePlan);
    }
}
