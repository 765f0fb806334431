using System.Net;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Sharing;

public sealed class AccessVisitsTestsOnSqlite() : AccessVisitsTests(DatabaseProvider.Sqlite);

public sealed class AccessVisitsTestsOnPostgres() : AccessVisitsTests(DatabaseProvider.Postgres);

/// <summary>Issue 17: the access log read as visits (one row per clinician per hour with what was opened), complete underneath.</summary>
public abstract class AccessVisitsTests(DatabaseProvider provider) : AppTest(provider)
{
    [Fact]
    public async Task Four_reads_in_a_minute_are_one_visit_that_still_lists_all_four()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");
        // FullRecord opened the record for a note and a plan change; two more reads in the same sitting.
        Assert.Equal(HttpStatusCode.OK, (await record.Clinician.GetAsync($"/clinic/patients/{record.PatientId}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await record.Clinician.GetAsync($"/clinic/patients/{record.PatientId}/report?handler=Pdf")).StatusCode);

        var sharing = WebUtility.HtmlDecode(await record.Patient.GetStringAsync("/sharing"));

        int rows;
        await using (var db = Database.OpenContext())
        {
            rows = db.RecordAccessLog.Count();
        }
        Assert.True(rows >= 3, $"expected several reads, found {rows}");
        Assert.Single(Visits(sharing));
        Assert.Contains("Opened: ", sharing, StringComparison.Ordinal);
        Assert.Contains("report (PDF)", sharing, StringComparison.Ordinal);
        Assert.Contains($"All {rows} times in full", sharing, StringComparison.Ordinal);
        Assert.Equal(rows, CountOf(sharing, "<td>Physio</td>"));
    }

    [Fact]
    public async Task Reads_more_than_an_hour_apart_are_two_visits()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");
        // The app runs on the real clock: the first sitting's reads are moved two hours back instead.
        await using (var db = Database.OpenContext())
        {
            foreach (var row in db.RecordAccessLog)
            {
                row.At -= TimeSpan.FromHours(2);
            }
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await record.Clinician.GetAsync($"/clinic/patients/{record.PatientId}")).StatusCode);

        var sharing = WebUtility.HtmlDecode(await record.Patient.GetStringAsync("/sharing"));

        Assert.Equal(2, Visits(sharing).Count);
        Assert.Contains("The time in full", sharing, StringComparison.Ordinal);
    }

    private static List<string> Visits(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<li class=\"access-visit\" data-access-visit>").Select(m => m.Value)];

    private static int CountOf(string html, string text) =>
        (html.Length - html.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}
