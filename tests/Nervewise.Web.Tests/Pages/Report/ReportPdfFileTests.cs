using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Pages.Clinic;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Report;

public sealed class ReportPdfFileTestsOnSqlite() : ReportPdfFileTests(DatabaseProvider.Sqlite);

public sealed class ReportPdfFileTestsOnPostgres() : ReportPdfFileTests(DatabaseProvider.Postgres);

/// <summary>
/// The PDFs the web app serves, the person's and the clinician's, pass `qpdf --check`, and an old account's email
/// holding markup (registration refuses such emails now) is escaped in their XMP metadata.
/// </summary>
public abstract class ReportPdfFileTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string OldEmail = "<svg onload=alert(1)>@x.example";

    [Fact]
    public async Task The_person_s_and_the_clinician_s_pdf_pass_qpdf_check_and_escape_markup_in_the_xmp()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(4, "flare", "calf", 7), Caseloads.Row(2, "pain", "calf", 5));
        var id = await Database.IdOfAsync("pat@example.com");
        await using (var db = Database.OpenContext())
        {
            // As an account made before emails were checked more strictly, and before names, may hold.
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.Email, OldEmail).SetProperty(u => u.DisplayName, (string?)null));
        }

        foreach (var (client, url) in new[] { (person, "/report?handler=Pdf"), (clinician, $"/clinic/patients/{id}/report?handler=Pdf") })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var pdf = await response.Content.ReadAsByteArrayAsync();

            var (exitCode, output) = Qpdf.Check(pdf);
            Assert.True(exitCode == 0, $"{url}: qpdf --check exited {exitCode}:\n{output}");
            var text = Encoding.UTF8.GetString(pdf);
            var packet = text[text.IndexOf("<?xpacket begin", StringComparison.Ordinal)..text.IndexOf("<?xpacket end", StringComparison.Ordinal)];
            // Issue 17: the summary names the person by PersonName.Shown, the part before @ for an account without a name.
            Assert.Contains("Nervewise summary for &lt;svg onload=alert(1)&gt;</rdf:li>", packet, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg", packet, StringComparison.Ordinal);
        }
    }
}
