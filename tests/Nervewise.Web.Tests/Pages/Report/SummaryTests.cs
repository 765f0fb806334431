using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Plan;
using Nervewise.Testing;
using Nervewise.Web.Tests.Pages.Clinic;
using Nervewise.Web.Tests.Support;
using PdfSharp.Pdf.IO;

namespace Nervewise.Web.Tests.Pages.Report;

public sealed class SummaryTestsOnSqlite() : SummaryTests(DatabaseProvider.Sqlite);

public sealed class SummaryTestsOnPostgres() : SummaryTests(DatabaseProvider.Postgres);

/// <summary>
/// Issue 17: the appointment summary is worth printing. The person and their clinician see the same summary, named
/// by the person's name, with charts drawn as SVG, the check-ins, the plan's changes in plain words and the notes,
/// over the dates the reader chooses; its PDF is tagged and valid.
/// </summary>
public abstract class SummaryTests(DatabaseProvider provider) : AppTest(provider)
{
    private static object Noted(double daysAgo, string type, string item, decimal value, string note) =>
        new { id = Guid.NewGuid(), time = Caseloads.Time(DateTimeOffset.UtcNow.AddDays(-daysAgo)), type, item, value, note };

    private async Task<(HttpClient Clinician, HttpClient Person, string Id)> SharedAsync()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "pat@example.com",
            Caseloads.Row(40, "pain", "posterior-thigh", 6),
            Caseloads.Row(9, "pain", "calf", 5),
            Noted(8, "flare", "calf", 7, "After a long drive to see my sister."),
            Caseloads.Row(3, "pain", "buttock", 3),
            Caseloads.Row(2, "checkin", "sleep", 3),
            Caseloads.Row(2, "checkin", "worry", 1));
        var id = await Database.IdOfAsync("pat@example.com");
        var clinicianId = await Database.IdOfAsync("physio@example.com");
        await using var db = Database.OpenContext();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, "Sam Patel"));
        await db.Users.Where(u => u.Id == clinicianId).ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, "Alex Kim"));
        db.ClinicianNotes.Add(new ClinicianNoteRecord
        {
            Id = Guid.NewGuid(), PatientId = id, ClinicianId = clinicianId, ClinicianEmail = "physio@example.com",
            At = DateTimeOffset.UtcNow.AddDays(-5), Text = "Slump test positive on the right; keep sliders daily.",
        });
        db.PlanSettingsChanges.Add(new PlanSettingsChangeRecord
        {
            Id = Guid.NewGuid(), UserId = id, ChangedAt = DateTimeOffset.UtcNow.AddDays(-4), ChangedById = clinicianId,
            ChangedByRole = "clinician", Field = "agreedPainLevel", OldValue = null, NewValue = "4",
        });
        await db.SaveChangesAsync();
        return (clinician, person, id);
    }

    private static string Summary(string html)
    {
        var page = WebUtility.HtmlDecode(html);
        return page[page.IndexOf("<article class=\"report\"", StringComparison.Ordinal)..page.IndexOf("</article>", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_person_and_the_clinician_see_the_same_summary_with_name_charts_checkins_changes_and_notes()
    {
        var (clinician, person, id) = await SharedAsync();

        var own = Summary(await person.GetStringAsync("/report"));
        var theirs = Summary(await clinician.GetStringAsync($"/clinic/patients/{id}/report"));

        Assert.Equal(own, theirs);
        Assert.Contains("<h1>Nervewise summary for Sam Patel</h1>", own, StringComparison.Ordinal);
        Assert.DoesNotContain("pat@example.com", own, StringComparison.Ordinal);
        // Three charts as SVG, each labelled in words for a screen reader.
        Assert.Equal(3, own.Split("<svg xmlns=\"http://www.w3.org/2000/svg\"").Length - 1);
        Assert.Contains("role=\"img\" aria-label=\"Average worst pain by week", own, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"How far down the leg the pain reached each week", own, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Check-in areas over 1 check-in", own, StringComparison.Ordinal);
        Assert.Contains("<h2>Check-ins: 1</h2>", own, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Sleep trouble</th><td>3</td><td>3</td>", own, StringComparison.Ordinal);
        Assert.Contains("Alex Kim (clinician):</span> Agreed pain level set to 4/10.", own, StringComparison.Ordinal);
        Assert.Contains("Alex Kim:</span> Slump test positive on the right; keep sliders daily.", own, StringComparison.Ordinal);
        Assert.Contains("Diary, flare-up:</span> After a long drive to see my sister.", own, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/report?handler=Pdf\">Download as PDF</a>", await person.GetStringAsync("/report"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reader_chooses_the_dates_and_the_pdf_follows_them()
    {
        var (clinician, _, id) = await SharedAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddDays(-6).ToString("yyyy-MM-dd");
        var to = today.ToString("yyyy-MM-dd");

        var page = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/clinic/patients/{id}/report?from={from}&to={to}"));

        var summary = Summary(page);
        // The flare-up eight days ago, its note and the pain forty days ago are outside the chosen week.
        Assert.Contains("<h2>Flare-ups: 0</h2>", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("After a long drive", summary, StringComparison.Ordinal);
        Assert.Contains("Slump test positive", summary, StringComparison.Ordinal);
        Assert.Contains($"value=\"{from}\"", page, StringComparison.Ordinal);
        var pdfHref = $"/clinic/patients/{id}/report?handler=Pdf&from={from}&to={to}";
        Assert.Contains($"href=\"{pdfHref}\"", page, StringComparison.Ordinal);

        using var pdf = await clinician.GetAsync(pdfHref);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var (exitCode, output) = Qpdf.Check(bytes);
        Assert.True(exitCode == 0, output);
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.InRange(document.PageCount, 1, 2);
        Assert.Equal("Nervewise summary for Sam Patel", document.Info.Title);
        Assert.Equal("en-GB", document.Internals.Catalog.Elements.GetString("/Lang"));
        Assert.NotNull(document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot"));
    }

    [Fact]
    public async Task Dates_that_make_no_sense_get_a_message_naming_the_field_and_no_pdf()
    {
        var (_, person, _) = await SharedAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var page = WebUtility.HtmlDecode(await person.GetStringAsync($"/report?from={today:yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}"));
        Assert.Contains("<p class=\"field-error\" id=\"from-error\">The start date is after the end date. Choose an earlier start.</p>", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"from-error\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{today:yyyy-MM-dd}\"", page, StringComparison.Ordinal); // what was typed stays

        var future = WebUtility.HtmlDecode(await person.GetStringAsync($"/report?to={today.AddDays(3):yyyy-MM-dd}"));
        Assert.Contains("id=\"to-error\">The end date is in the future.", future, StringComparison.Ordinal);

        using var pdf = await person.GetAsync($"/report?handler=Pdf&from={today:yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        using var problem = JsonDocument.Parse(await pdf.Content.ReadAsStringAsync());
        Assert.Equal("The start date is after the end date. Choose an earlier start.", problem.RootElement.GetProperty("errors").GetProperty("from")[0].GetString());
    }
}
