using System.Net;
using System.Net.Http.Json;
using Nervewise.Data;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;
using Nervewise.Web.Tests.Pages.Clinic;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Report;

public sealed class ReportSafetyTestsOnSqlite() : ReportSafetyTests(DatabaseProvider.Sqlite);

public sealed class ReportSafetyTestsOnPostgres() : ReportSafetyTests(DatabaseProvider.Postgres);

/// <summary>The appointment report (page and PDF) and the FHIR download read the person's one safety state.</summary>
public abstract class ReportSafetyTests(DatabaseProvider provider) : AppTest(provider)
{
    private static void WarningSignsFirst(string html, Urgency urgency)
    {
        var page = WebUtility.HtmlDecode(html);
        var report = page[page.IndexOf("<article class=\"report\"", StringComparison.Ordinal)..];
        var warnings = report.IndexOf("<h2 id=\"report-warnings-title\">Warning signs</h2>", StringComparison.Ordinal);
        Assert.True(warnings > 0 && warnings < report.IndexOf("<h2>Assessment</h2>", StringComparison.Ordinal), "Warning signs come first in the report.");
        Assert.Contains($"<strong>{AssessmentWording.For(urgency).Headline}</strong>", report, StringComparison.Ordinal);
        Assert.Contains("You have had cancer (answered yes in the assessment of", report, StringComparison.Ordinal);
        Assert.Contains($"Not answered: {WarningSigns.Says("saddle-numbness")}", report, StringComparison.Ordinal);
        Assert.Contains("Nerve pain pathway, settle: exercises are paused until a doctor has seen the person about the warning signs.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("stay at this stage", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_person_and_their_clinician_see_warning_signs_first_in_the_report_the_pdf_and_a_fhir_flag()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(4, "flare", "calf", 7));
        // From the questionnaire, which only the web knows: the report takes the person's whole state.
        using (var assessed = await person.PostAsJsonAsync("/api/v1/assessments", new Dictionary<string, object> { ["cancer-history"] = true, ["pins-and-needles"] = true }))
        {
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }
        var id = await Database.IdOfAsync("pat@example.com");

        WarningSignsFirst(await person.GetStringAsync("/report"), Urgency.Urgent);
        WarningSignsFirst(await clinician.GetStringAsync($"/clinic/patients/{id}/report"), Urgency.Urgent);
        foreach (var (client, url) in new[] { (person, "/report?handler=Pdf"), (clinician, $"/clinic/patients/{id}/report?handler=Pdf") })
        {
            using var pdf = await client.GetAsync(url);
            using var stream = new MemoryStream(await pdf.Content.ReadAsByteArrayAsync());
            using var document = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            Assert.True(document.PageCount >= 1);
        }

        var fhir = await clinician.GetStringAsync($"/clinic/patients/{id}?handler=Fhir");
        var flag = Assert.Single(FhirJson.Parse<Hl7.Fhir.Model.Bundle>(fhir).Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Flag>());
        Assert.Equal("urgency-urgent", flag.Code.Coding[0].Code);
        Assert.Contains(WarningSigns.Says("cancer-history"), flag.Code.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_recorded_check_the_report_has_no_warning_signs_and_the_fhir_no_flag()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(40, "symptom", "foot-drop"), Caseloads.Row(30, "checked", "red-flags", null));
        var id = await Database.IdOfAsync("pat@example.com");

        var report = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/clinic/patients/{id}/report"));
        Assert.DoesNotContain("Warning signs", report, StringComparison.Ordinal);
        Assert.Contains("Nerve pain pathway, settle: stay at this stage for now.", report, StringComparison.Ordinal);

        var bundle = FhirJson.Parse<Hl7.Fhir.Model.Bundle>(await clinician.GetStringAsync($"/clinic/patients/{id}?handler=Fhir"));
        Assert.Empty(bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Flag>());
        Assert.Contains(bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Observation>(), o => o.Code.Coding[0].Code == "red-flags-checked");
    }
}
