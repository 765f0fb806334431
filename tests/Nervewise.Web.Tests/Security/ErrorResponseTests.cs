using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

public sealed class ErrorResponseTestsOnSqlite() : ErrorResponseTests(DatabaseProvider.Sqlite);

public sealed class ErrorResponseTestsOnPostgres() : ErrorResponseTests(DatabaseProvider.Postgres);

/// <summary>
/// In Production a failure is a 500: ProblemDetails under /api, the plain error page elsewhere, whatever the size of
/// the body that was being sent. The database going away is the failure here.
/// </summary>
public abstract class ErrorResponseTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<HttpClient> SignedInThenDatabaseGoneAsync()
    {
        var client = App.WithWebHostBuilder(builder => builder.UseEnvironment("Production"))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await client.RegisterAsync("ada@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        await Database.BreakAsync();
        return client;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        // Nothing of the failure's inside reaches the caller.
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_failure_is_problem_details_not_the_html_error_page()
    {
        var client = await SignedInThenDatabaseGoneAsync();

        using var read = await client.GetAsync("/api/v1/me");
        using var write = await client.PostAsync("/api/v1/diary", new StringContent(
            """{"time":"2026-11-20T08:00:00+01:00","type":"pain","item":"posterior-thigh","value":5}""", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(read);
        await AssertProblemAsync(write);
    }

    [Fact]
    public async Task A_failure_while_an_api_body_over_64_kb_arrives_is_500_not_413()
    {
        var client = await SignedInThenDatabaseGoneAsync();
        var body = "{\"note\":\"" + new string('x', 100 * 1024) + "\"}"; // under the assessment limit (256 KB), over a form's

        using var response = await client.PostAsync("/api/v1/assessments", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response);
    }

    [Fact]
    public async Task A_failure_while_a_page_upload_over_64_kb_arrives_is_the_error_page_not_413()
    {
        var client = await SignedInThenDatabaseGoneAsync();
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("id,time,type,item,value\n" + new string('\n', 100 * 1024)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "diary.csv");

        using var response = await client.PostAsync("/diary/import", upload);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
