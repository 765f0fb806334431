using System.Net;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>Nothing with health data stays in a browser's or a proxy's cache: every answer but a static file says no-store.</summary>
public sealed class NoStoreTests() : AppTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Api_json_pages_and_every_download_of_the_person_and_the_clinician_say_no_store()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");
        var patient = record.Patient;
        var clinician = record.Clinician;
        var responses = new List<HttpResponseMessage>
        {
            await patient.GetAsync("/api/v1/me"),
            await patient.GetAsync("/api/v1/diary"),
            await patient.GetAsync("/api/v1/plan"),
            await patient.GetAsync("/today"),
            await patient.GetAsync("/diary/import/export"), // CSV
            await patient.GetAsync("/diary/import/fhir"), // FHIR
            await patient.GetAsync("/account/data/download"), // zip
            await patient.GetAsync("/report?handler=Pdf"),
            await patient.GetAsync("/plan/calendar.ics"),
            await clinician.GetAsync($"/clinic/patients/{record.PatientId}"),
            await clinician.GetAsync($"/clinic/patients/{record.PatientId}?handler=Fhir"),
            await clinician.GetAsync($"/clinic/patients/{record.PatientId}/report"),
            await clinician.GetAsync($"/clinic/patients/{record.PatientId}/report?handler=Pdf"),
        };

        foreach (var response in responses)
        {
            var where = $"{response.RequestMessage!.RequestUri} ({(int)response.StatusCode}, {response.Content.Headers.ContentType?.MediaType})";
            Assert.True(response.StatusCode == HttpStatusCode.OK, where);
            Assert.True(response.Headers.CacheControl?.NoStore == true, where);
            response.Dispose();
        }
    }

    [Fact]
    public async Task Static_files_keep_their_own_caching()
    {
        using var css = await App.Browser().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }
}
