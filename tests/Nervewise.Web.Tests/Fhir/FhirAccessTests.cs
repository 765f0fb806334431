using System.Net;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Fhir;
using Nervewise.Web.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Nervewise.Web.Tests.Fhir;

public sealed class FhirAccessTestsOnSqlite() : FhirAccessTests(DatabaseProvider.Sqlite);

public sealed class FhirAccessTestsOnPostgres() : FhirAccessTests(DatabaseProvider.Postgres);

/// <summary>Who reads what: a person themselves; a clinician the people who share with them, logged, checked every request.</summary>
public abstract class FhirAccessTests(DatabaseProvider provider) : FhirApiTest(provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Without_a_token_the_answer_is_401_bearer_with_an_operation_outcome_never_the_sign_in_page()
    {
        foreach (var path in new[] { "/fhir/Patient", "/fhir/Observation?patient=x", "/fhir/Patient/abc" })
        {
            using var response = await Client().GetAsync(path);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
            Assert.Contains("access token", await OutcomeAsync(response));
        }
        using var unknown = await Client("not-a-token").GetAsync("/fhir/Patient");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_cookie_does_not_open_the_api()
    {
        var person = await UserAsync("cookie@example.com");
        var browser = Client();
        // Signed in on the pages (the cookie), but no token: still a 401, not the record.
        using (var signedIn = await browser.SignInAsync("cookie@example.com"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        using var response = await browser.GetAsync($"/fhir/Patient/{PatientId(person)}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_persons_patient_token_reads_only_themselves()
    {
        var ada = await UserAsync("ada@example.com");
        var bo = await UserAsync("bo@example.com");
        await PainAsync(ada, Monday);
        await PainAsync(bo, Monday);
        var client = Client(Tokens.Mint(ada, clinician: false, "patient/*.rs", PatientId(ada)));

        using var own = await client.GetAsync($"/fhir/Patient/{PatientId(ada)}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(PatientId(ada), (await ResourceAsync<Patient>(own)).Id);

        using var other = await client.GetAsync($"/fhir/Patient/{PatientId(bo)}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains($"Patient/{PatientId(bo)}", await OutcomeAsync(other));
        using var otherSearch = await client.GetAsync($"/fhir/Observation?patient={PatientId(bo)}");
        Assert.Equal(HttpStatusCode.Forbidden, otherSearch.StatusCode);

        using var all = await client.GetAsync("/fhir/Observation");
        var bundle = await ResourceAsync<Bundle>(all);
        Assert.Equal(1, bundle.Total);
        Assert.All(bundle.Entry, e => Assert.Equal($"Patient/{PatientId(ada)}", ((Observation)e.Resource!).Subject!.Reference));
    }

    [Fact]
    public async Task A_token_bound_to_someone_else_reads_nothing()
    {
        var ada = await UserAsync("ada@example.com");
        var bo = await UserAsync("bo@example.com");
        var client = Client(Tokens.Mint(ada, clinician: false, "patient/*.rs", PatientId(bo)));

        using var response = await client.GetAsync($"/fhir/Patient/{PatientId(bo)}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var search = await client.GetAsync("/fhir/Patient");
        Assert.Equal(0, (await ResourceAsync<Bundle>(search)).Total);
    }

    [Fact]
    public async Task Scopes_limit_the_types_and_the_interactions()
    {
        var ada = await UserAsync("ada@example.com");
        var observationsOnly = Client(Tokens.Mint(ada, clinician: false, "patient/Observation.rs", PatientId(ada)));
        using var observations = await observationsOnly.GetAsync("/fhir/Observation");
        Assert.Equal(HttpStatusCode.OK, observations.StatusCode);
        using var carePlans = await observationsOnly.GetAsync("/fhir/CarePlan");
        Assert.Equal(HttpStatusCode.Forbidden, carePlans.StatusCode);
        Assert.Contains("patient/CarePlan.rs", await OutcomeAsync(carePlans));

        var readOnly = Client(Tokens.Mint(ada, clinician: false, "patient/*.r", PatientId(ada)));
        using var read = await readOnly.GetAsync($"/fhir/Patient/{PatientId(ada)}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var searched = await readOnly.GetAsync("/fhir/Patient");
        Assert.Equal(HttpStatusCode.Forbidden, searched.StatusCode);

        var v1 = Client(Tokens.Mint(ada, clinician: false, "user/*.read"));
        using var v1Read = await v1.GetAsync("/fhir/Patient");
        Assert.Equal(1, (await ResourceAsync<Bundle>(v1Read)).Total);

        var none = Client(Tokens.Mint(ada, clinician: false, "openid fhirUser"));
        using var refused = await none.GetAsync("/fhir/Patient");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_clinician_reads_the_people_who_share_logged_once_per_request_and_not_after_the_share_stops()
    {
        var ada = await UserAsync("ada@example.com");
        var bo = await UserAsync("bo@example.com");
        var alex = await UserAsync("alex@example.com", clinician: true);
        await PainAsync(ada, Monday);
        await PainAsync(ada, Monday.AddDays(1));
        await PainAsync(bo, Monday);
        await ShareAsync(ada, alex);
        var client = Client(Tokens.Mint(alex, clinician: true, "user/*.rs"));

        using var shared = await client.GetAsync($"/fhir/Observation?patient={PatientId(ada)}");
        Assert.Equal(2, (await ResourceAsync<Bundle>(shared)).Total);
        Assert.Equal(1, await LogCountAsync(ada));

        using var everyone = await client.GetAsync("/fhir/Observation");
        var all = await ResourceAsync<Bundle>(everyone);
        Assert.Equal(2, all.Total);
        Assert.All(all.Entry, e => Assert.Equal($"Patient/{PatientId(ada)}", ((Observation)e.Resource!).Subject!.Reference));
        Assert.Equal(2, await LogCountAsync(ada));
        Assert.Equal(0, await LogCountAsync(bo));

        using var unshared = await client.GetAsync($"/fhir/Patient/{PatientId(bo)}");
        Assert.Equal(HttpStatusCode.Forbidden, unshared.StatusCode);
        using var unsharedSearch = await client.GetAsync($"/fhir/Observation?patient={PatientId(bo)}");
        Assert.Equal(HttpStatusCode.Forbidden, unsharedSearch.StatusCode);

        await StopSharingAsync(ada, alex);
        using var stopped = await client.GetAsync($"/fhir/Patient/{PatientId(ada)}");
        Assert.Equal(HttpStatusCode.Forbidden, stopped.StatusCode);
        using var stoppedSearch = await client.GetAsync("/fhir/Observation");
        Assert.Equal(0, (await ResourceAsync<Bundle>(stoppedSearch)).Total);
        Assert.Equal(2, await LogCountAsync(ada));
    }

    [Fact]
    public async Task A_clinicians_patient_token_reads_that_shared_person_only()
    {
        var ada = await UserAsync("ada@example.com");
        var bo = await UserAsync("bo@example.com");
        var alex = await UserAsync("alex@example.com", clinician: true);
        await ShareAsync(ada, alex);
        await ShareAsync(bo, alex);
        var client = Client(Tokens.Mint(alex, clinician: true, "patient/*.rs", PatientId(bo)));

        using var bundle = await client.GetAsync("/fhir/Patient");
        Assert.Equal([PatientId(bo)], (await ResourceAsync<Bundle>(bundle)).Entry.Select(e => e.Resource!.Id));
        using var ada403 = await client.GetAsync($"/fhir/Patient/{PatientId(ada)}");
        Assert.Equal(HttpStatusCode.Forbidden, ada403.StatusCode);
    }

    private async Task<int> LogCountAsync(string patientId)
    {
        await using var db = Database.OpenContext();
        return await db.RecordAccessLog.CountAsync(l => l.PatientId == patientId && l.What == FhirReader.AccessLogWhat);
    }
}
