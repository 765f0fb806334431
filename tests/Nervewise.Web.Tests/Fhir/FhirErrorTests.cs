using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Nervewise.Data;
using Nervewise.Testing;
using Task = System.Threading.Tasks.Task;

namespace Nervewise.Web.Tests.Fhir;

public sealed class FhirErrorTestsOnSqlite() : FhirErrorTests(DatabaseProvider.Sqlite);

public sealed class FhirErrorTestsOnPostgres() : FhirErrorTests(DatabaseProvider.Postgres);

/// <summary>Every error is an OperationOutcome naming what was wrong, in FHIR JSON.</summary>
public abstract class FhirErrorTests(DatabaseProvider provider) : FhirApiTest(provider)
{
    private async Task<HttpClient> PersonAsync()
    {
        var ada = await UserAsync("ada@example.com");
        return Client(Tokens.Mint(ada, clinician: false, "patient/*.rs", PatientId(ada)));
    }

    [Theory]
    [InlineData("/fhir/Observation?colour=red", "colour")]
    [InlineData("/fhir/Observation?code:text=pain", "code:text")]
    [InlineData("/fhir/Patient?code=x", "code")]
    [InlineData("/fhir/Observation?_count=many", "_count")]
    [InlineData("/fhir/Observation?_count=-1", "_count")]
    [InlineData("/fhir/Observation?date=yesterday", "date")]
    [InlineData("/fhir/Observation?date=ne2026-11-20", "date")]
    [InlineData("/fhir/Observation?date=2026-13-01", "date")]
    [InlineData("/fhir/Observation?subject=Group/1", "subject")]
    [InlineData("/fhir/Observation?_page=not-ours", "_page")]
    [InlineData("/fhir/Observation?patient=", "patient")]
    [InlineData("/fhir/Questionnaire?status=active", "status")]
    public async Task A_bad_search_parameter_is_a_400_naming_it(string url, string parameter)
    {
        var client = await PersonAsync();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = await ResourceAsync<OperationOutcome>(response);
        Assert.Contains($"'{parameter}'", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
        Assert.Equal(OperationOutcome.IssueType.Invalid, outcome.Issue.Single().Code);
        await FhirValidation.AssertValidAsync(outcome);
    }

    [Fact]
    public async Task An_unsupported_type_is_a_404_and_a_write_a_405()
    {
        var client = await PersonAsync();
        using var encounter = await client.GetAsync("/fhir/Encounter");
        Assert.Equal(HttpStatusCode.NotFound, encounter.StatusCode);
        Assert.Contains("Encounter", await OutcomeAsync(encounter));
        using var anonymous = await Client().GetAsync("/fhir/Encounter/1");
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Contains("Encounter", await OutcomeAsync(anonymous));

        using var post = await client.PostAsync("/fhir/Observation", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("read-only", await OutcomeAsync(post));
    }

    [Theory]
    [InlineData("_format=xml", null)]
    [InlineData("_format=application/fhir%2Bxml", null)]
    [InlineData(null, "application/fhir+xml")]
    [InlineData(null, "text/html")]
    public async Task Anything_but_json_is_a_406(string? format, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/metadata" + (format is null ? "" : "?" + format));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        using var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Contains("JSON", await OutcomeAsync(response));
    }

    [Theory]
    [InlineData("_format=json", null)]
    [InlineData("_format=application/fhir%2Bjson", null)]
    [InlineData(null, "application/fhir+json")]
    [InlineData(null, "application/json")]
    [InlineData(null, "*/*")]
    public async Task Json_in_any_spelling_is_served(string? format, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/metadata" + (format is null ? "" : "?" + format));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        using var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }
}
