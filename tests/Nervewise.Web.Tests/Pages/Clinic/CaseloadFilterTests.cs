using System.Net;
using System.Text.RegularExpressions;
using Nervewise.Data;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed class CaseloadFilterTestsOnSqlite() : CaseloadFilterTests(DatabaseProvider.Sqlite);

public sealed class CaseloadFilterTestsOnPostgres() : CaseloadFilterTests(DatabaseProvider.Postgres);

/// <summary>The caseload by name, filtered (with counts) and sorted; and its queries do not grow with the people in it.</summary>
public abstract partial class CaseloadFilterTests(DatabaseProvider provider) : AppTest(provider)
{
    [Fact]
    public async Task Filters_count_and_narrow_the_caseload_and_the_order_can_be_by_name_or_last_entry()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(clinician, "zoe@example.com", Caseloads.Row(5, "symptom", "foot-drop"));
        await App.ShareAsync(clinician, "ben@example.com", Caseloads.Row(2, "flare", "calf", 7));
        // A flare-up ten days ago still ranks as recent, but is not "this week".
        await App.ShareAsync(clinician, "cara@example.com", Caseloads.Row(10, "flare", "buttock", 6));
        await App.ShareAsync(clinician, "dev@example.com", Caseloads.Row(58, "pain", "calf", 6), Caseloads.Row(3, "pain", "calf", 6));
        await App.ShareAsync(clinician, "amy@example.com", Caseloads.Row(1, "pain", "buttock", 2));
        foreach (var (email, name) in new[] { ("zoe", "Zoe Ward"), ("ben", "Ben Hale"), ("cara", "Cara Lind"), ("dev", "Dev Patel"), ("amy", "Amy Best") })
        {
            await Database.NameAsync($"{email}@example.com", name);
        }
        // Opening Amy's record means she has been seen.
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync($"/clinic/patients/{await Database.IdOfAsync("amy@example.com")}")).StatusCode);

        var page = await clinician.GetStringAsync("/clinic");
        Assert.Equal(["Zoe Ward", "Ben Hale", "Cara Lind", "Dev Patel", "Amy Best"], Caseloads.Order(page));
        Assert.Equal(
            [("all", 5), ("warning-signs", 1), ("flare-ups", 1), ("no-improvement", 1), ("not-seen", 4)],
            CountPattern().Matches(page).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList());
        Assert.Contains("Flare-ups in the last 7 days", page, StringComparison.Ordinal);
        Assert.Contains("No improvement in 8 weeks", page, StringComparison.Ordinal);
        Assert.Contains("Not seen in 14 days", page, StringComparison.Ordinal);

        Assert.Equal(["Zoe Ward"], Caseloads.Order(await clinician.GetStringAsync("/clinic?show=warning-signs")));
        Assert.Equal(["Ben Hale"], Caseloads.Order(await clinician.GetStringAsync("/clinic?show=flare-ups")));
        Assert.Equal(["Dev Patel"], Caseloads.Order(await clinician.GetStringAsync("/clinic?show=no-improvement")));
        Assert.Equal(["Zoe Ward", "Ben Hale", "Cara Lind", "Dev Patel"], Caseloads.Order(await clinician.GetStringAsync("/clinic?show=not-seen")));

        Assert.Equal(["Amy Best", "Ben Hale", "Cara Lind", "Dev Patel", "Zoe Ward"], Caseloads.Order(await clinician.GetStringAsync("/clinic?sort=name")));
        Assert.Equal(["Amy Best", "Ben Hale", "Dev Patel", "Zoe Ward", "Cara Lind"], Caseloads.Order(await clinician.GetStringAsync("/clinic?sort=last-entry")));
        var both = await clinician.GetStringAsync("/clinic?show=not-seen&sort=name");
        Assert.Equal(["Ben Hale", "Cara Lind", "Dev Patel", "Zoe Ward"], Caseloads.Order(both));
        // The filter links keep the order, and the order links keep the filter.
        Assert.Contains("href=\"/clinic?show=flare-ups&amp;sort=name\"", both, StringComparison.Ordinal);
        Assert.Contains("href=\"/clinic?show=not-seen&amp;sort=last-entry\"", both, StringComparison.Ordinal);

        var wrong = await clinician.GetAsync("/clinic?show=everybody-sad");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Show: there is no filter called &quot;everybody-sad&quot;, so everyone is shown.", wrongPage, StringComparison.Ordinal);
        Assert.Equal(5, Caseloads.Order(wrongPage).Count);
    }

    [Fact]
    public async Task Reads_by_the_clinician_s_systems_do_not_count_as_seeing_the_person()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(clinician, "zoe@example.com", Caseloads.Row(1, "pain", "calf", 3));
        await App.ShareAsync(clinician, "amy@example.com", Caseloads.Row(1, "pain", "calf", 3));
        await Database.NameAsync("zoe@example.com", "Zoe Ward");
        await Database.NameAsync("amy@example.com", "Amy Best");
        var zoe = await Database.IdOfAsync("zoe@example.com");
        var clinicianId = await Database.IdOfAsync("physio@example.com");
        await using (var db = Database.OpenContext())
        {
            foreach (var what in new[] { Nervewise.Web.Fhir.FhirReader.AccessLogWhat, Nervewise.Web.Fhir.Bulk.BulkExportRunner.AccessLogWhat })
            {
                db.RecordAccessLog.Add(new Data.CareTeam.RecordAccessRecord
                {
                    PatientId = zoe, ClinicianId = clinicianId, ClinicianEmail = "physio@example.com", At = DateTimeOffset.UtcNow, What = what,
                });
            }
            await db.SaveChangesAsync();
        }
        // Opening Amy's record is a visit.
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync($"/clinic/patients/{await Database.IdOfAsync("amy@example.com")}")).StatusCode);

        Assert.Equal(["Zoe Ward"], Caseloads.Order(await clinician.GetStringAsync("/clinic?show=not-seen")));
    }

    [Fact]
    public async Task The_caseload_runs_the_same_number_of_queries_for_two_people_as_for_seven()
    {
        using var commands = SqlCommands.Count(Database);
        var clinician = await ClinicianAsync("physio@example.com");
        for (var i = 0; i < 2; i++)
        {
            await App.ShareAsync(clinician, $"p{i}@example.com", Caseloads.Row(1, "pain", "calf", 3), Caseloads.Row(9, "flare", "calf", 7));
        }
        await clinician.GetStringAsync("/clinic"); // warm: the first request compiles queries and loads the model
        var few = await CommandsForCaseloadAsync(clinician, commands);

        for (var i = 2; i < 7; i++)
        {
            await App.ShareAsync(clinician, $"p{i}@example.com", Caseloads.Row(1, "pain", "calf", 3), Caseloads.Row(2, "symptom", "weakness"));
        }
        var many = await CommandsForCaseloadAsync(clinician, commands);

        Assert.Equal(few, many);
        Assert.InRange(many, 1, 15);
    }

    private static async Task<int> CommandsForCaseloadAsync(HttpClient clinician, SqlCommands commands)
    {
        var before = commands.Total;
        var page = await clinician.GetAsync("/clinic");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return commands.Total - before;
    }

    [GeneratedRegex("data-filter=\"([a-z-]+)\"[^>]*>[^<]*<span class=\"count\">(\\d+)</span>")]
    private static partial Regex CountPattern();
}
