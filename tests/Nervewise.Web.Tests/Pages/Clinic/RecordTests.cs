using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Tests.Api;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed class RecordTestsOnSqlite() : RecordTests(DatabaseProvider.Sqlite);

public sealed class RecordTestsOnPostgres() : RecordTests(DatabaseProvider.Postgres);

/// <summary>Issue 17, item 3: the record is written for a clinician, names the person, and counts the sessions actually logged.</summary>
public abstract class RecordTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<(HttpClient Clinician, HttpClient Person, string Id)> SharedAsync(params object[] entries)
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "sam@example.com", entries);
        var id = await Database.IdOfAsync("sam@example.com");
        await using var db = Database.OpenContext();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.DisplayName = "Sam Rivera";
        user.DateOfBirth = new DateOnly(1990, 1, 15);
        var physio = await db.Users.SingleAsync(u => u.Email == "physio@example.com");
        physio.DisplayName = "Alex Kim";
        await db.SaveChangesAsync();
        return (clinician, person, id);
    }

    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static object Session(DateTimeOffset at, string exercise) => new
    {
        id = Guid.NewGuid(), time = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), type = "exercise", item = exercise, value = 2, durationMinutes = 10,
    };

    [Fact]
    public async Task The_record_names_the_person_and_reads_the_assessment_in_clinical_words()
    {
        var (clinician, person, id) = await SharedAsync(Caseloads.Row(2, "pain", "posterior-thigh", 3));
        using (var first = await person.PostAsJsonAsync("/api/v1/assessments", new Dictionary<string, object> { ["sit-bone-pain"] = true }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }
        using (var second = await person.PostAsJsonAsync("/api/v1/assessments", PlanPathwayApiTests.TendonAnswers))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        var page = await PageAsync(clinician, $"/clinic/patients/{id}");

        Assert.Contains("<h1>Sam Rivera</h1>", page, StringComparison.Ordinal);
        Assert.Contains("years old, born 15 Jan 1990", page, StringComparison.Ordinal);
        Assert.Contains("<title>Sam Rivera", page, StringComparison.Ordinal);
        Assert.Contains("Proximal hamstring tendinopathy likely", page, StringComparison.Ordinal);
        Assert.Contains("imaging not indicated now", page, StringComparison.Ordinal);
        // The answers that changed since the assessment before, question by question.
        var changes = page[page.IndexOf("class=\"record-changes\"", StringComparison.Ordinal)..];
        changes = changes[..changes.IndexOf("</table>", StringComparison.Ordinal)];
        var question = Nervewise.Domain.Assessment.AssessmentQuestionnaire.Current.Items["gradual-onset-load-change"].Text;
        Assert.Contains($"<th scope=\"row\">{question}</th><td>Not answered</td><td>Yes</td>", changes, StringComparison.Ordinal);
        Assert.DoesNotContain(Nervewise.Domain.Assessment.AssessmentQuestionnaire.Current.Items["sit-bone-pain"].Text, changes, StringComparison.Ordinal);
        Assert.Contains("/clinic/patients/" + id + "/assessments/2", page, StringComparison.Ordinal);
        // Code words and words spoken to the person never appear.
        var text = System.Text.RegularExpressions.Regex.Replace(page, "<[^>]+>", " ");
        foreach (var code in new[] { "scans:", "not-recommended", "routine", "Urgency", "→", "Talk it over with your physio", "sam@example.com" })
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sessions_logged_outside_a_pinned_plan_are_counted_not_shown_as_none()
    {
        // The bug: the first run pins the nerve pathway at settle (easing positions daily), the person goes on to
        // sliders and logs them five times; the record said "last week 0 of 7".
        var monday = WeeklyPlan.MondayOf(DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(-7);
        var start = new DateTimeOffset(monday.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var (clinician, person, id) = await SharedAsync();
        using (var scope = App.Services.CreateScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<PlanSettingsStore>();
            await settings.ChangeAsync(id, PlanActor.Self(id), s => s with { Stage = Stage.Settle, Pathway = Pathway.Nerve });
        }
        await person.LogAsync([.. Enumerable.Range(0, 5).Select(d => Session(start.AddDays(d), "slump-slider"))]);

        var page = await PageAsync(clinician, $"/clinic/patients/{id}");

        var range = $"{monday.ToString("d MMM", CultureInfo.InvariantCulture)} to {monday.AddDays(6).ToString("d MMM", CultureInfo.InvariantCulture)}";
        Assert.Contains($"Last week ({range}): 5 sessions logged; 0 of the 7 planned done; outside this plan: slump slider ×5.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_plan_changes_and_checks_carry_names_and_the_safety_history_is_kept()
    {
        var (clinician, _, id) = await SharedAsync(Caseloads.Row(20, "symptom", "saddle-numbness"));
        var record = $"/clinic/patients/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.SubmitAsync(record, new Dictionary<string, string> { ["Note"] = "Seen in clinic." }, $"{record}?handler=Note")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.SubmitAsync(record, new Dictionary<string, string> { ["Stage"] = "nerve/sliders", ["Level"] = "3" }, $"{record}?handler=Plan")).StatusCode);
        var clears = System.Text.RegularExpressions.Regex.Match(await clinician.GetStringAsync(record), "name=\"Clears\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.SubmitAsync(record, new Dictionary<string, string> { ["Confirm"] = "true", ["Clears"] = clears }, $"{record}?handler=Check")).StatusCode);

        var page = await PageAsync(clinician, record);

        Assert.Matches(@"Alex Kim, \d+ \w{3} \d{4}, \d\d:\d\d( UTC)?</footer>", page);
        Assert.Contains("Alex Kim (clinician):</strong> Moved to the nerve pain pathway, nerve sliders. Agreed pain level set to 3/10.", page, StringComparison.Ordinal);
        var history = page[page.IndexOf("class=\"safety-history\"", StringComparison.Ordinal)..];
        history = history[..history.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("Check recorded by Alex Kim (clinician)", history, StringComparison.Ordinal);
        Assert.Contains("Logged in the diary: " + Nervewise.Domain.Safety.WarningSigns.Says("saddle-numbness"), history, StringComparison.Ordinal);
        Assert.True(history.IndexOf("Check recorded", StringComparison.Ordinal) < history.IndexOf("Logged in the diary", StringComparison.Ordinal), "Newest first.");
    }

    [Fact]
    public async Task The_diary_page_filters_by_type_dates_and_region_and_names_a_bad_filter()
    {
        var (clinician, _, id) = await SharedAsync(
            Caseloads.Row(1, "pain", "calf", 6), Caseloads.Row(2, "pain", "buttock", 3), Caseloads.Row(3, "flare", "calf", 8),
            Caseloads.Row(40, "pain", "calf", 5), new { id = Guid.NewGuid(), time = Caseloads.Time(DateTimeOffset.UtcNow.AddDays(-1)), type = "activity", item = "cycling", durationMinutes = 30 });
        var diary = $"/clinic/patients/{id}/diary";
        var from = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var all = await PageAsync(clinician, diary);
        var calfPain = await PageAsync(clinician, $"{diary}?Type=pain&Region=calf&From={from}");
        var badType = await clinician.GetAsync($"{diary}?Type=naps&From=2026-13-01");
        var backwards = await PageAsync(clinician, $"{diary}?From=2026-11-20&To=2026-11-01");

        Assert.Contains("<h1>Sam Rivera: diary</h1>", all, StringComparison.Ordinal);
        Assert.Contains("5 entries in the diary.", all, StringComparison.Ordinal);
        Assert.Contains("1 entry match.", calfPain, StringComparison.Ordinal);
        Assert.Contains("Pain in calf: 6/10", calfPain, StringComparison.Ordinal);
        Assert.DoesNotContain("5/10", calfPain, StringComparison.Ordinal);
        Assert.DoesNotContain("buttock", calfPain.Split("<table")[^1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badType.StatusCode);
        var bad = WebUtility.HtmlDecode(await badType.Content.ReadAsStringAsync());
        Assert.Contains("Type: choose one of the list, not 'naps'.", bad, StringComparison.Ordinal);
        Assert.Contains("From: a date such as 2026-11-03, not '2026-13-01'.", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"record-diary\"", bad, StringComparison.Ordinal);
        Assert.Contains("From must be on or before To.", backwards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assessment_page_shows_every_answer_and_what_changed()
    {
        var (clinician, person, id) = await SharedAsync();
        foreach (var answers in new[] { new Dictionary<string, object> { ["sit-bone-pain"] = true, ["weeks-since-onset"] = 3 }, PlanPathwayApiTests.TendonAnswers })
        {
            using var assessed = await person.PostAsJsonAsync("/api/v1/assessments", answers);
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }
        var items = Nervewise.Domain.Assessment.AssessmentQuestionnaire.Current.Items;

        var second = await PageAsync(clinician, $"/clinic/patients/{id}/assessments/2");
        var first = await PageAsync(clinician, $"/clinic/patients/{id}/assessments/1");

        Assert.Contains("<h1>Sam Rivera: assessment 2 of 2</h1>", second, StringComparison.Ordinal);
        foreach (var item in items.Values)
        {
            Assert.Contains($"<th scope=\"row\">{item.Text}</th>", second, StringComparison.Ordinal);
        }
        Assert.Contains($"<tr class=\"changed\">\n                        <th scope=\"row\">{items["weeks-since-onset"].Text}</th>\n                        <td>Not answered</td>\n                            <td>3</td>", second.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">{items["weeks-since-onset"].Text}</th>\n                        <td>3</td>", first.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/clinic/patients/{id}/assessments/3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/clinic/patients/{id}/assessments/0")).StatusCode);
    }
}
