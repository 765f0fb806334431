using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nervewise.Data;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;
using Nervewise.Web.Tests.Pages.Clinic;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Safety;

/// <summary>Every red-flag item, on SQLite.</summary>
public sealed class EverySurfaceTestsOnSqlite() : EverySurfaceTests(DatabaseProvider.Sqlite)
{
    public static TheoryData<string, string> Every => Cases(AllItems);

    [Theory]
    [MemberData(nameof(Every))]
    public Task Every_surface_shows_the_urgency_and_no_exercise_advice_at_urgent_or_higher(string item, string from) => RunAsync(item, from);
}

/// <summary>One item of each urgency, on PostgreSQL: the same queries on the other engine.</summary>
public sealed class EverySurfaceTestsOnPostgres() : EverySurfaceTests(DatabaseProvider.Postgres)
{
    public static TheoryData<string, string> OnePerUrgency => Cases(["bladder-bowel-change", "calf-swelling", "injected-drugs", "weakness"]);

    [Theory]
    [MemberData(nameof(OnePerUrgency))]
    public Task Every_surface_shows_the_urgency_and_no_exercise_advice_at_urgent_or_higher(string item, string from) => RunAsync(item, from);
}

/// <summary>
/// Issue 13's parameterised check: each red-flag item, from the questions and from the diary, through every surface a
/// person or their clinician reads (Today, the plan page and API, flare-up help, the assessment result, the check-in,
/// the lessons, the appointment report, the caseload, the record and the FHIR export). Each shows the urgency of the
/// contract's table, and at urgent or higher none shows exercise advice. The expected urgencies are copied from
/// shared/spec/assessment.md here, not read from the rules file, so a drift in either is caught.
/// </summary>
public abstract class EverySurfaceTests(DatabaseProvider provider) : AppTest(provider)
{
    /// <summary>The contract's red-flag table: each item alone. Weakness is "soon"; progressive weakness is asked after it.</summary>
    private static readonly Dictionary<string, Urgency> Contract = new(StringComparer.Ordinal)
    {
        ["bladder-bowel-change"] = Urgency.Emergency, ["saddle-numbness"] = Urgency.Emergency,
        ["sexual-function-change"] = Urgency.Emergency, ["progressive-weakness"] = Urgency.Emergency,
        ["both-legs"] = Urgency.Today, ["foot-drop"] = Urgency.Today, ["fever-or-unwell"] = Urgency.Today,
        ["calf-swelling"] = Urgency.Today, ["weakness"] = Urgency.Soon, ["major-trauma"] = Urgency.Urgent,
        ["fragile-bones-minor-fall"] = Urgency.Urgent, ["suspected-tendon-tear"] = Urgency.Urgent,
        ["injected-drugs"] = Urgency.Urgent, ["lowered-immunity"] = Urgency.Urgent,
        ["unexplained-weight-loss"] = Urgency.Urgent, ["cancer-history"] = Urgency.Urgent, ["constant-night-pain"] = Urgency.Urgent,
    };

    protected static IReadOnlyList<string> AllItems => [.. Contract.Keys];

    /// <summary>Marks of exercise advice, or of the reassurance that must not follow a warning sign.</summary>
    private static readonly string[] ExerciseAdvice =
    [
        "class=\"exercise-card\"", "data-entry-type=\"exercise\"", "/plan/calendar.ics", "movement is fine", "Movement is fine",
        "href=\"/diary/session\"", "Step up to", "ready for the next step", "Your first week is ready", "How to do it",
        "Pain is not a reason to stop",
    ];

    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    protected static TheoryData<string, string> Cases(IEnumerable<string> items)
    {
        var data = new TheoryData<string, string>();
        foreach (var item in items)
        {
            data.Add(item, "assessment");
            data.Add(item, "diary");
        }
        return data;
    }

    protected async Task RunAsync(string item, string from)
    {
        // The rules file must agree with the contract before any page is read.
        Assert.Equal(Contract[item], RedFlagRules.Raise([item]).Single().Urgency);
        Assert.Equal(Contract.Keys.Order(), AssessmentRules.Current.RedFlags.Items.Select(r => r.Item).Order());

        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "ada@example.com", Caseloads.Row(1, "pain", "posterior-thigh", 4));
        var patientId = await Database.IdOfAsync("ada@example.com");
        var expected = await SignAsync(person, item, from);
        var level = Names.Of(expected);
        var headline = AssessmentWording.For(expected).Headline;
        var paused = expected >= Urgency.Urgent;

        string[] personPages =
        [
            "/today", "/plan", "/first-aid", "/checkin", "/lessons/when-to-get-help", "/lessons/graded-exposure", "/report",
            "/plan/training", "/diary",
        ];
        foreach (var url in personPages)
        {
            var page = await ReadAsync(person, url);
            var card = page.IndexOf($"class=\"safety-card safety-{level}", StringComparison.Ordinal);
            Assert.True(card >= 0, $"{url}: no {level} safety card for {item} from the {from}.");
            Assert.True(card < page.IndexOf("<h1", StringComparison.Ordinal), $"{url}: the safety card must come before the page's heading.");
            Assert.Contains(headline, page, StringComparison.Ordinal);
            Assert.Contains(WarningSigns.Says(item), page, StringComparison.OrdinalIgnoreCase);
            // Emergency and today: the card itself carries the tap-to-call link.
            var cardHtml = page[card..page.IndexOf("</section>", card, StringComparison.Ordinal)];
            Assert.Equal(expected >= Urgency.Today, cardHtml.Contains("href=\"tel:", StringComparison.Ordinal));
            if (paused)
            {
                Assert.All(ExerciseAdvice, advice => Assert.False(page.Contains(advice, StringComparison.Ordinal), $"{url} shows '{advice}' at {level}."));
            }
        }
        if (_seen.TryGetValue("assessment", out var resultUrl))
        {
            var result = await ReadAsync(person, resultUrl);
            Assert.Contains($"data-urgency=\"{level}\"", result, StringComparison.Ordinal);
            Assert.Contains(WarningSigns.Says(item), result, StringComparison.OrdinalIgnoreCase);
            if (paused)
            {
                Assert.All(ExerciseAdvice, advice => Assert.DoesNotContain(advice, result, StringComparison.Ordinal));
            }
        }

        var plan = (await person.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan");
        Assert.Equal(("seek-help", level), (plan.GetProperty("decision").GetString(), plan.GetProperty("urgency").GetString()));

        var report = await person.GetAsync("/report?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/pdf", report.Content.Headers.ContentType!.MediaType);

        // The clinician: the caseload row and the record name the same urgency, and the record pauses exercise.
        var caseload = await ReadAsync(clinician, "/clinic");
        Assert.Contains($"data-urgency=\"{level}\"", Caseloads.RowOf(caseload, "Ada"), StringComparison.Ordinal);
        var record = await ReadAsync(clinician, $"/clinic/patients/{patientId}");
        Assert.Contains($"data-urgency=\"{level}\"", record, StringComparison.Ordinal);
        Assert.Contains(headline, record, StringComparison.Ordinal);
        Assert.Contains(WarningSigns.Says(item), await ReadAsync(clinician, $"/clinic/patients/{patientId}/report"), StringComparison.OrdinalIgnoreCase);

        // The FHIR export: one active Flag whose code is the urgency (our CodeSystem's urgency-... code).
        var bundle = JsonDocument.Parse(await person.GetStringAsync("/diary/import/fhir")).RootElement;
        var flags = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "Flag").ToList();
        var flag = Assert.Single(flags);
        Assert.Equal($"urgency-{level}", flag.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString());
    }

    /// <summary>Gives the sign, from the questions or the diary, and returns the urgency the contract expects.</summary>
    private async Task<Urgency> SignAsync(HttpClient person, string item, string from)
    {
        if (from == "diary")
        {
            await person.LogAsync(Caseloads.Row(0.1, "symptom", item, 3));
            return Contract[item];
        }
        // The questionnaire asks about worsening weakness only after weakness, so both are yes: the higher urgency wins.
        var answers = new Dictionary<string, object> { ["pins-and-needles"] = true, [item] = true };
        if (item == "progressive-weakness")
        {
            answers["weakness"] = true;
        }
        using var posted = await person.PostAsJsonAsync("/api/v1/assessments", answers);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        _seen["assessment"] = $"/assessment/{id}";
        return Contract[item];
    }

    private static async Task<string> ReadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}.");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
