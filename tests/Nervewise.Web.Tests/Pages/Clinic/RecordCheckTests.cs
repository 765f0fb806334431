using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed class RecordCheckTestsOnSqlite() : RecordCheckTests(DatabaseProvider.Sqlite);

public sealed class RecordCheckTestsOnPostgres() : RecordCheckTests(DatabaseProvider.Postgres);

/// <summary>The record shows the one safety state first, and a clinician with a share records "a doctor or physiotherapist has checked this".</summary>
public abstract partial class RecordCheckTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Task<HttpResponseMessage> CheckAsync(HttpClient clinician, string id, bool confirm = true, string? clears = null) =>
        clinician.SubmitAsync($"/clinic/patients/{id}?handler=Check", new Dictionary<string, string>
        {
            ["Confirm"] = confirm ? "true" : "false",
            ["Clears"] = clears ?? "",
        });

    private async Task<int> CheckedRowsAsync()
    {
        await using var db = Database.OpenContext();
        return await db.DiaryEntries.CountAsync(e => e.Type == "checked");
    }

    [Fact]
    public async Task The_record_shows_the_safety_state_first_and_says_exercises_are_paused()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(20, "symptom", "cancer-history"), Caseloads.Row(2, "pain", "calf", 4));
        var id = await Database.IdOfAsync("pat@example.com");

        var page = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/clinic/patients/{id}"));

        var safety = page.IndexOf("id=\"safety\"", StringComparison.Ordinal);
        Assert.True(safety > 0 && safety < page.IndexOf("id=\"assess-title\"", StringComparison.Ordinal), "The safety state comes first.");
        Assert.Contains("Warning signs: See a doctor within days", page, StringComparison.Ordinal);
        Assert.Contains($"<strong>{AssessmentWording.For(Urgency.Urgent).Headline}</strong>", page, StringComparison.Ordinal);
        Assert.Contains("You have had cancer (logged in the diary on", page, StringComparison.Ordinal);
        Assert.Contains("No check by a doctor or physiotherapist recorded yet.", page, StringComparison.Ordinal);
        // The plan says it is paused, with no decision or reasons that read as going ahead.
        var plan = page[page.IndexOf("id=\"plan\"", StringComparison.Ordinal)..];
        Assert.Contains("Exercises are paused until a doctor has seen the person", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Decision:", plan, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"Agreed pain level \d+/10", plan); // kept as a setting for later, not as advice now
        Assert.Contains("These settings are kept for when exercises restart", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sharing_clinician_records_the_check_once_confirmed_and_it_clears_the_caseload_until_a_new_sign()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(clinician, "flaring@example.com", Caseloads.Row(3, "flare", "calf", 7));
        var person = await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(60, "symptom", "saddle-numbness"));
        var id = await Database.IdOfAsync("pat@example.com");
        var clears = ClearsPattern().Match(await clinician.GetStringAsync($"/clinic/patients/{id}")).Groups[1].Value;
        Assert.StartsWith("saddle-numbness@", clears, StringComparison.Ordinal);

        // Asked once to confirm: without the tick nothing is written.
        using (var unconfirmed = await CheckAsync(clinician, id, confirm: false, clears))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.Contains("Tick the box to confirm", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await CheckedRowsAsync());

        using (var recorded = await CheckAsync(clinician, id, clears: clears))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }
        await using (var db = Database.OpenContext())
        {
            var row = await db.DiaryEntries.SingleAsync(e => e.Type == "checked");
            Assert.Equal(id, row.UserId);
            Assert.Equal("red-flags", row.Item);
            // Since issue 17 the check names the clinician by their name (tests register "physio@…" as "Physio").
            Assert.StartsWith("Recorded by Physio (clinician). Cleared: numbness between your legs", row.Note, StringComparison.Ordinal);
            Assert.Contains(await db.RecordAccessLog.Select(a => a.What).ToListAsync(), w => w == "recorded a check of warning signs");
        }
        var record = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/clinic/patients/{id}"));
        Assert.Contains("No warning signs in force", record, StringComparison.Ordinal);
        Assert.Contains("by Physio (clinician).", record, StringComparison.Ordinal);
        Assert.Equal(["Flaring", "Pat"], Caseloads.Order(await clinician.GetStringAsync("/clinic")));

        // A sign logged after the check raises it again at once. (Rows carry whole seconds: wait past the check's.)
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await person.LogAsync(Caseloads.Row(0, "symptom", "fever-or-unwell"));
        var caseload = await clinician.GetStringAsync("/clinic");
        Assert.Equal(["Pat", "Flaring"], Caseloads.Order(caseload));
        Assert.Contains(">See a doctor today</span>", Caseloads.RowOf(caseload, "Pat"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_clears_only_what_the_page_showed()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(10, "symptom", "weakness"));
        var id = await Database.IdOfAsync("pat@example.com");
        var shown = ClearsPattern().Match(await clinician.GetStringAsync($"/clinic/patients/{id}")).Groups[1].Value;

        await person.LogAsync(Caseloads.Row(0.01, "symptom", "bladder-bowel-change"));
        using var stale = await CheckAsync(clinician, id, clears: shown);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("The warning signs changed since this page was opened", page, StringComparison.Ordinal);
        Assert.Contains(WarningSigns.Says("bladder-bowel-change")[1..], page, StringComparison.Ordinal);
        Assert.Equal(0, await CheckedRowsAsync());
    }

    [Fact]
    public async Task Another_clinician_gets_a_404_and_nothing_is_written_or_logged()
    {
        var physio = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(physio, "pat@example.com", Caseloads.Row(5, "symptom", "saddle-numbness"));
        var id = await Database.IdOfAsync("pat@example.com");
        var clears = ClearsPattern().Match(await physio.GetStringAsync($"/clinic/patients/{id}")).Groups[1].Value;
        int logged;
        await using (var db = Database.OpenContext())
        {
            logged = await db.RecordAccessLog.CountAsync();
        }

        var stranger = await ClinicianAsync("stranger@example.com");
        // The stranger's own page gives the form its token; the post names the other person's record.
        var token = Forms.Token(await stranger.GetStringAsync("/clinic"));
        foreach (var confirm in new[] { "true", "false" })
        {
            using var refused = await stranger.PostAsync($"/clinic/patients/{id}?handler=Check", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Confirm"] = confirm, ["Clears"] = clears, ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Equal(0, await CheckedRowsAsync());
        await using (var db = Database.OpenContext())
        {
            Assert.Equal(logged, await db.RecordAccessLog.CountAsync());
        }
        Assert.Equal("Pat", Caseloads.Order(await physio.GetStringAsync("/clinic"))[0]);
    }

    [GeneratedRegex("name=\"Clears\" value=\"([^\"]*)\"")]
    private static partial Regex ClearsPattern();
}
