using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Diary;
using Nervewise.Data.Fhir;
using Nervewise.Data.Identity;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Diary;
using Nervewise.Testing;
using Nervewise.Testing.Fhir;
using Nervewise.Web.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Nervewise.Web.Tests.Fhir.Bulk;

public sealed class BulkExportTestsOnSqlite() : BulkExportTests(DatabaseProvider.Sqlite);

public sealed class BulkExportTestsOnPostgres() : BulkExportTests(DatabaseProvider.Postgres);

/// <summary>The caseload's bulk export, from kick-off to files, through HTTP with stand-in tokens (see BulkTestTokens).</summary>
public abstract class BulkExportTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Kickoff = "/fhir/Group/caseload/$export";

    private WebApplicationFactory<Program> _fhir = null!;

    private WebApplicationFactory<Program> Fhir => _fhir ??= App.WithTestTokens();

    /// <summary>A person with pain ratings on the given days of November 2026.</summary>
    private async Task<string> PersonAsync(string email, params int[] painDays)
    {
        using var scope = Fhir.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
        var user = new NervewiseUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Forms.NameFrom(email) };
        Assert.True((await users.CreateAsync(user, Forms.GoodPassword)).Succeeded);
        var diary = scope.ServiceProvider.GetRequiredService<DiaryStore>();
        foreach (var day in painDays)
        {
            var entry = DiaryEntry.Create(new DateTimeOffset(2026, 11, day, 8, 0, 0, TimeSpan.Zero), EntryType.Pain, "calf", 5, null, "");
            await diary.AddAsync(user.Id, Guid.NewGuid(), entry);
        }
        return user.Id;
    }

    private async Task ShareAsync(string patientId, string clinicianId)
    {
        await using var db = Database.OpenContext();
        db.Shares.Add(new ShareRecord { Id = Guid.NewGuid(), PatientId = patientId, ClinicianId = clinicianId, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> KickOffAsync(HttpClient client, string query = "", bool async = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Kickoff + query);
        request.Headers.Accept.ParseAdd("application/fhir+json");
        if (async)
        {
            request.Headers.Add("Prefer", "respond-async");
        }
        return await client.SendAsync(request);
    }

    /// <summary>Polls the status address as a client does, until the export is no longer running.</summary>
    private static async Task<HttpResponseMessage> WaitAsync(HttpClient client, Uri status)
    {
        for (var i = 0; i < 300; i++)
        {
            var response = await client.GetAsync(status);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return response;
            }
            Assert.True(response.Headers.Contains("X-Progress"));
            Assert.NotNull(response.Headers.RetryAfter);
            await Task.Delay(100);
        }
        throw new TimeoutException("The export did not finish in 30 seconds.");
    }

    private static async Task<JsonElement> ManifestAsync(HttpClient client, string query = "")
    {
        using var kicked = await KickOffAsync(client, query);
        Assert.Equal(HttpStatusCode.Accepted, kicked.StatusCode);
        var done = await WaitAsync(client, kicked.Content.Headers.ContentLocation!);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        return await done.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A finished export: its status address and its Observation file's address.</summary>
    private static async Task<(Uri Status, string ObservationUrl)> FinishedAsync(HttpClient client, string query = "")
    {
        using var kicked = await KickOffAsync(client, query);
        var status = kicked.Content.Headers.ContentLocation!;
        using var done = await WaitAsync(client, status);
        return (status, Outputs(await done.Content.ReadFromJsonAsync<JsonElement>())["Observation"].Url);
    }

    private static Dictionary<string, (string Url, int Count)> Outputs(JsonElement manifest) =>
        manifest.GetProperty("output").EnumerateArray()
            .ToDictionary(o => o.GetProperty("type").GetString()!, o => (o.GetProperty("url").GetString()!, o.GetProperty("count").GetInt32()));

    private static async Task AssertOutcomeAsync(HttpResponseMessage response, HttpStatusCode status, string named)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = FhirJson.Parse<OperationOutcome>(await response.Content.ReadAsStringAsync());
        Assert.Contains(named, outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_exports_everyone_who_shares_as_ndjson_and_each_export_is_in_their_access_log()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        var ada = await PersonAsync("ada@example.com", 10, 12);
        var ben = await PersonAsync("ben@example.com", 14);
        var stranger = await PersonAsync("stranger@example.com", 15, 16, 17);
        await ShareAsync(ada, clinicianId);
        await ShareAsync(ben, clinicianId);
        var client = Fhir.Client(clinicianId, Roles.Clinician);

        using var kicked = await KickOffAsync(client);
        Assert.Equal(HttpStatusCode.Accepted, kicked.StatusCode);
        var status = kicked.Content.Headers.ContentLocation!;
        Assert.StartsWith("http://localhost/fhir/bulk/", status.AbsoluteUri, StringComparison.Ordinal);
        using var done = await WaitAsync(client, status);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var manifest = await done.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(manifest.GetProperty("requiresAccessToken").GetBoolean());
        Assert.Equal("http://localhost/fhir/Group/caseload/$export", manifest.GetProperty("request").GetString());
        Assert.True(DateTimeOffset.TryParse(manifest.GetProperty("transactionTime").GetString(), out _));
        Assert.Empty(manifest.GetProperty("error").EnumerateArray());
        var outputs = Outputs(manifest);
        Assert.Equal(2, outputs["Patient"].Count);
        Assert.Equal(3, outputs["Observation"].Count);

        using var file = await client.GetAsync(outputs["Observation"].Url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/fhir+ndjson", file.Content.Headers.ContentType?.MediaType);
        var ndjson = await file.Content.ReadAsStringAsync();
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var observations = lines.Select(FhirJson.Parse<Observation>).ToList();

        // Every exported line through the official validator and the independent one (R4 schema + Medplum).
        Assert.All(observations, FirelyValidator.AssertValid);
        await NodeFhirValidator.AssertValidAsync(ndjson, ndjson: true);

        await using var db = Database.OpenContext();
        var logged = await db.RecordAccessLog.Where(a => a.What == "Bulk export").Select(a => a.PatientId).ToListAsync();
        Assert.Equal(new[] { ada, ben }.Order(StringComparer.Ordinal), logged.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(stranger, logged);
    }

    [Fact]
    public async Task Type_since_and_the_caseload_filter_narrow_the_export()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        var ada = await PersonAsync("ada@example.com", 10, 12, 20);
        var ben = await PersonAsync("ben@example.com", 21);
        await ShareAsync(ada, clinicianId);
        await ShareAsync(ben, clinicianId);
        var client = Fhir.Client(clinicianId, Roles.Clinician);

        // Ada's record was opened today, so only Ben is "not seen" (an export counts as opening, so this goes first).
        await using (var db = Database.OpenContext())
        {
            db.RecordAccessLog.Add(new RecordAccessRecord { PatientId = ada, ClinicianId = clinicianId, ClinicianEmail = "physio@example.com", At = DateTimeOffset.UtcNow, What = "Record" });
            await db.SaveChangesAsync();
        }
        var notSeen = Outputs(await ManifestAsync(client, "?show=not-seen&_type=Observation,Patient"));
        Assert.Equal(1, notSeen["Patient"].Count);
        Assert.Equal(1, notSeen["Observation"].Count);

        var onlyPatients = Outputs(await ManifestAsync(client, "?_type=Patient&_outputFormat=application/fhir%2Bndjson"));
        Assert.Equal(["Patient"], onlyPatients.Keys);

        var since = Outputs(await ManifestAsync(client, "?_type=Observation&_since=2026-11-15T00:00:00Z"));
        Assert.Equal(2, since["Observation"].Count);
    }

    [Fact]
    public async Task Bad_kick_offs_get_an_OperationOutcome_naming_what_is_wrong()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        var personId = await PersonAsync("ada@example.com");
        var client = Fhir.Client(clinicianId, Roles.Clinician);

        await AssertOutcomeAsync(await KickOffAsync(client, async: false), HttpStatusCode.BadRequest, "Prefer");
        await AssertOutcomeAsync(await KickOffAsync(client, "?patient=Patient/1"), HttpStatusCode.BadRequest, "patient");
        await AssertOutcomeAsync(await KickOffAsync(client, "?show=everyone-please"), HttpStatusCode.BadRequest, "show");
        await AssertOutcomeAsync(await KickOffAsync(client, "?_type=Observation,Medication"), HttpStatusCode.BadRequest, "Medication");
        await AssertOutcomeAsync(await KickOffAsync(client, "?_since=yesterday"), HttpStatusCode.BadRequest, "_since");
        await AssertOutcomeAsync(await KickOffAsync(client, "?_since=2026-11-20"), HttpStatusCode.BadRequest, "_since");
        await AssertOutcomeAsync(await KickOffAsync(client, "?_outputFormat=text/csv"), HttpStatusCode.BadRequest, "_outputFormat");
        using (var html = new HttpRequestMessage(HttpMethod.Get, Kickoff))
        {
            html.Headers.Accept.ParseAdd("text/html");
            html.Headers.Add("Prefer", "respond-async");
            await AssertOutcomeAsync(await client.SendAsync(html), HttpStatusCode.NotAcceptable, "Accept");
        }
        await AssertOutcomeAsync(await KickOffAsync(Fhir.Client(personId, Roles.Patient, "patient/*.rs")), HttpStatusCode.Forbidden, "clinicians");
        await AssertOutcomeAsync(await KickOffAsync(Fhir.Client(clinicianId, Roles.Clinician, "openid fhirUser")), HttpStatusCode.Forbidden, "scope");
        await AssertOutcomeAsync(await KickOffAsync(Fhir.Client(clinicianId, Roles.Clinician, "user/Patient.rs"), "?_type=Observation"), HttpStatusCode.Forbidden, "Observation");

        await using var db = Database.OpenContext();
        Assert.Equal(0, await db.BulkExportJobs.CountAsync());
    }

    [Fact]
    public async Task A_resource_specific_scope_exports_only_that_type()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        await ShareAsync(await PersonAsync("ada@example.com", 10), clinicianId);

        var outputs = Outputs(await ManifestAsync(Fhir.Client(clinicianId, Roles.Clinician, "user/Observation.read")));

        Assert.Equal(["Observation"], outputs.Keys);
    }

    [Fact]
    public async Task Status_and_files_need_the_same_clinicians_token()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        var otherId = await PersonAsync("other.physio@example.com");
        await ShareAsync(await PersonAsync("ada@example.com", 10), clinicianId);
        var client = Fhir.Client(clinicianId, Roles.Clinician);
        var (status, url) = await FinishedAsync(client);
        var other = Fhir.Client(otherId, Roles.Clinician);

        await AssertOutcomeAsync(await other.GetAsync(status), HttpStatusCode.NotFound, "no bulk export");
        await AssertOutcomeAsync(await other.GetAsync(url), HttpStatusCode.NotFound, "no file");
        await AssertOutcomeAsync(await other.DeleteAsync(status), HttpStatusCode.NotFound, "no bulk export");
        using var anonymous = Fhir.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Files_answer_an_ndjson_accept_and_need_a_scope_for_their_type()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        await ShareAsync(await PersonAsync("ada@example.com", 10), clinicianId);
        var url = Outputs(await ManifestAsync(Fhir.Client(clinicianId, Roles.Clinician)))["Observation"].Url;

        using var asked = new HttpRequestMessage(HttpMethod.Get, url);
        asked.Headers.Accept.ParseAdd("application/fhir+ndjson");
        using var file = await Fhir.Client(clinicianId, Roles.Clinician).SendAsync(asked);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/fhir+ndjson", file.Content.Headers.ContentType?.MediaType);
        // The same clinician's token from another app, for patients only, or for another type, reads no file.
        await AssertOutcomeAsync(await Fhir.Client(clinicianId, Roles.Clinician, "user/Patient.rs").GetAsync(url), HttpStatusCode.Forbidden, "Observation");
        await AssertOutcomeAsync(await Fhir.Client(clinicianId, Roles.Clinician, "patient/*.rs").GetAsync(url), HttpStatusCode.Forbidden, "Observation");
    }

    [Fact]
    public async Task Stopping_the_share_removes_the_clinician_s_finished_exports_holding_the_person()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        var ada = await PersonAsync("ada@example.com", 10);
        await ShareAsync(ada, clinicianId);
        var client = Fhir.Client(clinicianId, Roles.Clinician);
        var (status, url) = await FinishedAsync(client, "?_type=Observation");
        Guid shareId;
        await using (var db = Database.OpenContext())
        {
            shareId = await db.Shares.Where(s => s.PatientId == ada).Select(s => s.Id).SingleAsync();
        }

        await using (var db = Database.OpenContext())
        {
            Assert.True(await new CareTeamStore(db, TimeProvider.System).RevokeShareAsync(ada, shareId));
        }

        await AssertOutcomeAsync(await client.GetAsync(status), HttpStatusCode.NotFound, "no bulk export");
        await AssertOutcomeAsync(await client.GetAsync(url), HttpStatusCode.NotFound, "no file");
    }

    [Fact]
    public async Task Delete_cancels_the_export_and_its_files_go()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        await ShareAsync(await PersonAsync("ada@example.com", 10), clinicianId);
        var client = Fhir.Client(clinicianId, Roles.Clinician);
        var (status, url) = await FinishedAsync(client);

        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync(status)).StatusCode);

        await AssertOutcomeAsync(await client.GetAsync(status), HttpStatusCode.NotFound, "no bulk export");
        await AssertOutcomeAsync(await client.GetAsync(url), HttpStatusCode.NotFound, "no file");
        await using var db = Database.OpenContext();
        Assert.Equal(0, await db.BulkExportFiles.CountAsync());
    }

    [Fact]
    public async Task The_share_is_checked_when_the_job_runs_and_a_failed_job_answers_500()
    {
        var clinicianId = await PersonAsync("physio@example.com");
        var ada = await PersonAsync("ada@example.com", 10);
        await ShareAsync(ada, clinicianId);
        await ShareAsync(await PersonAsync("ben@example.com", 11), clinicianId);
        var client = Fhir.Client(clinicianId, Roles.Clinician);
        // Queued before Ada stops sharing, run after.
        var queued = new BulkExportJobRecord
        {
            Id = Guid.NewGuid(), ClinicianId = clinicianId, RequestedAt = DateTimeOffset.UtcNow, Status = BulkExportStore.Accepted,
            RequestUrl = "http://localhost/fhir/Group/caseload/$export", ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
        };
        var broken = new BulkExportJobRecord
        {
            Id = Guid.NewGuid(), ClinicianId = clinicianId, RequestedAt = DateTimeOffset.UtcNow, Status = BulkExportStore.Accepted,
            RequestUrl = "not an address", ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
        };
        await using (var db = Database.OpenContext())
        {
            await db.Shares.Where(s => s.PatientId == ada).ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAt, DateTimeOffset.UtcNow));
            db.BulkExportJobs.AddRange(queued, broken);
            await db.SaveChangesAsync();
        }
        _ = Fhir.Server; // starts the app, and its worker

        using var done = await WaitAsync(client, new Uri($"http://localhost/fhir/bulk/{queued.Id}"));
        Assert.Equal(1, Outputs(await done.Content.ReadFromJsonAsync<JsonElement>())["Patient"].Count);
        using var failed = await WaitAsync(client, new Uri($"http://localhost/fhir/bulk/{broken.Id}"));
        await AssertOutcomeAsync(failed, HttpStatusCode.InternalServerError, "could not be completed");
        await using var check = Database.OpenContext();
        Assert.False(await check.RecordAccessLog.AnyAsync(a => a.PatientId == ada));
    }
}
