using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed class AuditTrailOnSqlite() : AuditTrailTests(DatabaseProvider.Sqlite);

public sealed class AuditTrailOnPostgres() : AuditTrailTests(DatabaseProvider.Postgres);

/// <summary>A clinician cannot hide that they read or exported a record by deleting their account.</summary>
public abstract class AuditTrailTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Gone = "physio@example.com (account deleted)";

    [Fact]
    public async Task A_clinician_who_reads_exports_and_deletes_their_account_stays_in_the_person_s_log_and_notes()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");
        using (var fhir = await record.Clinician.GetAsync($"/clinic/patients/{record.PatientId}?handler=Fhir"))
        {
            Assert.Equal(HttpStatusCode.OK, fhir.StatusCode);
        }
        using (var pdf = await record.Clinician.GetAsync($"/clinic/patients/{record.PatientId}/report?handler=Pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        }
        int logged;
        await using (var db = Database.OpenContext())
        {
            logged = await db.RecordAccessLog.CountAsync();
            Assert.True(logged >= 3, $"only {logged} reads logged");
        }

        using var deleted = await record.Clinician.SubmitAsync("/account/delete", new Dictionary<string, string>
        {
            ["Input.Password"] = Forms.GoodPassword,
            ["Input.Understood"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await using (var db = Database.OpenContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == record.ClinicianId));
            Assert.Empty(await db.Shares.ToListAsync()); // the clinician can read nothing more
            var rows = await db.RecordAccessLog.ToListAsync();
            Assert.Equal(logged, rows.Count);
            Assert.All(rows, r => Assert.Equal((null, "physio@example.com"), (r.ClinicianId, r.ClinicianEmail)));
            var note = Assert.Single(await db.ClinicianNotes.ToListAsync());
            Assert.Equal((null, "physio@example.com", FullRecord.NoteMarker), (note.ClinicianId, note.ClinicianEmail, note.Text));
        }

        var sharing = WebUtility.HtmlDecode(await record.Patient.GetStringAsync("/sharing"));
        Assert.Matches($@"<td>[^<]+UTC</td><td>{System.Text.RegularExpressions.Regex.Escape(Gone)}</td><td>FHIR export</td>", sharing);
        Assert.Contains($"<td>{Gone}</td><td>report (PDF)</td>", sharing, StringComparison.Ordinal);
        Assert.Contains($"<td>{Gone}</td><td>record</td>", sharing, StringComparison.Ordinal);
        Assert.Contains(FullRecord.NoteMarker, sharing, StringComparison.Ordinal);
        Assert.Contains($"<footer class=\"muted\">{Gone}, ", sharing, StringComparison.Ordinal);

        // The person's own download keeps them too.
        using var download = await record.Patient.GetAsync("/account/data/download");
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        using var account = await JsonDocument.ParseAsync(zip.GetEntry("nervewise-account.json")!.Open());
        var accessLog = account.RootElement.GetProperty("accessLog").EnumerateArray().ToList();
        Assert.Equal(logged, accessLog.Count);
        Assert.All(accessLog, a => Assert.Equal(Gone, a.GetProperty("clinician").GetString()));
        Assert.Contains(accessLog, a => a.GetProperty("what").GetString() == "FHIR export");
        var note2 = Assert.Single(account.RootElement.GetProperty("clinicianNotes").EnumerateArray().ToList());
        Assert.Equal(Gone, note2.GetProperty("clinician").GetString());
    }

    [Fact]
    public async Task While_the_clinician_has_an_account_the_log_names_them_plainly()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");

        var sharing = await record.Patient.GetStringAsync("/sharing");

        Assert.Contains("<td>Physio</td><td>record</td>", sharing, StringComparison.Ordinal);
        Assert.DoesNotContain("account deleted", sharing, StringComparison.Ordinal);
    }
}
