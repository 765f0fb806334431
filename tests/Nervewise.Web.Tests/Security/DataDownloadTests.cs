using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Nervewise.Data;
using Nervewise.Domain.Diary;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

public sealed class DataDownloadTestsOnSqlite() : DataDownloadTests(DatabaseProvider.Sqlite);

public sealed class DataDownloadTestsOnPostgres() : DataDownloadTests(DatabaseProvider.Postgres);

/// <summary>The person's own copy holds all of their record, and only theirs.</summary>
public abstract class DataDownloadTests(DatabaseProvider provider) : AppTest(provider)
{
    [Fact]
    public async Task The_zip_holds_the_diary_the_fhir_record_and_the_care_team()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");
        await FullRecord.MakeAsync(this, App, Database, "other@example.com", "physio2@example.com");

        using var response = await record.Patient.GetAsync("/account/data/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^nervewise-\d{4}-\d{2}-\d{2}\.zip$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["README.txt", "nervewise-account.json", "nervewise-diary.csv", "nervewise-record.fhir.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var csv = Read(zip, "nervewise-diary.csv");
        var entry = Assert.Single(DiaryCsv.Read(new StringReader(csv)));
        Assert.Equal(FullRecord.DiaryMarker, entry.Note);

        using var fhir = JsonDocument.Parse(Read(zip, "nervewise-record.fhir.json"));
        var types = fhir.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Patient", "QuestionnaireResponse", "Observation", "CarePlan" }, types);

        using var account = JsonDocument.Parse(Read(zip, "nervewise-account.json"));
        var root = account.RootElement;
        Assert.Equal("pat@example.com", root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("physio@example.com", root.GetProperty("shares")[0].GetProperty("clinician").GetString());
        Assert.Equal(2, root.GetProperty("invites").GetArrayLength());
        Assert.NotEqual(0, root.GetProperty("accessLog").GetArrayLength());
        Assert.Equal(FullRecord.NoteMarker, root.GetProperty("clinicianNotes")[0].GetProperty("text").GetString());
        Assert.Contains(root.GetProperty("planChanges").EnumerateArray(), c => c.GetProperty("to").GetString() == "sliders");

        var everything = string.Concat(zip.Entries.Select(e => Read(zip, e.FullName)));
        Assert.DoesNotContain("other@example.com", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("physio2@example.com", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_there_is_nothing_to_download()
    {
        using var response = await App.Browser().GetAsync("/account/data/download");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
