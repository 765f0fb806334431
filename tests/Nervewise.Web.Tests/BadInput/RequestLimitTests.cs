using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;
using Xunit.Abstractions;

namespace Nervewise.Web.Tests.BadInput;

/// <summary>
/// Every endpoint that takes a body has a limit, and a body over it gets 413, not 500. The in-memory test server
/// has no body-size feature, so limits are only enforced by a real server: the 413 tests run Kestrel on loopback.
/// </summary>
public sealed class RequestLimitTests(ITestOutputHelper output) : AppTest(DatabaseProvider.Sqlite)
{
    /// <summary>The largest limit any endpoint may have, but the CSV import.</summary>
    private const long Ceiling = 1024 * 1024;

    private const long ImportCeiling = 50 * 1024 * 1024;

    private static readonly string[] BodyMethods = ["POST", "PUT", "PATCH"];

    [Fact]
    public void Every_endpoint_that_takes_a_body_has_a_limit_under_the_ceiling()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var takingBodies = endpoints.Where(TakesBody).ToList();
        var problems = new List<string>();
        foreach (var endpoint in takingBodies)
        {
            var limit = endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            var ceiling = endpoint.RoutePattern.RawText?.TrimStart('/') == "diary/import/{handler?}" ? ImportCeiling : Ceiling;
            if (limit is null or <= 0 || limit > ceiling)
            {
                problems.Add($"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText}): limit {limit?.ToString() ?? "none"}, ceiling {ceiling}");
            }
            output.WriteLine($"{endpoint.RoutePattern.RawText,-40} {limit,10:N0} bytes");
        }

        Assert.True(takingBodies.Count >= 20, $"only {takingBodies.Count} endpoints take a body; is the enumeration wrong?");
        Assert.Empty(problems);
        // Kestrel's default for anything the metadata misses (appsettings.json; Kestrel reads it when it starts).
        Assert.InRange(App.Services.GetRequiredService<IConfiguration>().GetValue<long?>("Kestrel:Limits:MaxRequestBodySize") ?? long.MaxValue, 1, Ceiling);
    }

    /// <summary>API endpoints name their methods; a Razor page is one endpoint for every method, so any page can be posted to.</summary>
    private static bool TakesBody(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return methods is null ? endpoint.Metadata.Any(m => m is Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor or Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor)
            : methods.Any(BodyMethods.Contains);
    }

    private static StringContent Json(int bytes) =>
        new StringContent("{\"note\":\"" + new string('x', bytes) + "\"}", Encoding.UTF8, "application/json");

    private static StreamContent Chunked(int bytes)
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes("{\"note\":\"" + new string('x', bytes) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A stream that will not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Oversize_bodies_get_413_from_a_real_server_and_nothing_is_written()
    {
        var address = App.StartOnLoopback();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = address };
        Assert.Equal(HttpStatusCode.Redirect, (await client.RegisterAsync("ada@example.com")).StatusCode);

        (string Method, string Url, HttpContent Body)[] api =
        [
            ("POST", "/api/v1/diary", Json(20_000)),
            ("PUT", $"/api/v1/diary/{Guid.NewGuid()}", Json(20_000)),
            ("PUT", "/api/v1/plan/settings", Json(20_000)),
            ("POST", "/api/v1/assessments", Json(300_000)),
            // No declared length (chunked): refused while reading, by the endpoint's own reader. Kept small enough to sit in
            // the socket's buffers: Kestrel closes the connection after the 413, and a client still sending would see a broken pipe.
            ("POST", "/api/v1/diary", Chunked(20_000)),
        ];
        foreach (var (method, url, body) in api)
        {
            // Expect: 100-continue, as below: the client waits for an early answer instead of writing into a closed connection.
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body, Headers = { ExpectContinue = true } });
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        // A page form over 64 KB, and a file over the import page's 50 MB.
        var page = await client.GetStringAsync("/diary/pain");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(page), ["Region"] = "calf", ["Note"] = new string('x', 70_000),
        });
        // With Expect: 100-continue the client waits for the answer before sending the body, so it sees the 413. A browser
        // sends at once; Kestrel answers 413 all the same, then closes the connection rather than read the rest.
        var formResponse = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/diary/pain") { Content = form, Headers = { ExpectContinue = true } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, formResponse.StatusCode);
        var formHtml = await formResponse.Content.ReadAsStringAsync();
        Assert.True(formHtml.Contains("That was too large to send", StringComparison.Ordinal), formHtml[..Math.Min(formHtml.Length, 3000)]);

        var import = await client.GetStringAsync("/diary/import");
        using var upload = new MultipartFormDataContent { { new StringContent(Forms.Token(import)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(new byte[51 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "diary.csv");
        var uploadResponse = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/diary/import") { Content = upload, Headers = { ExpectContinue = true } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, uploadResponse.StatusCode);

        await using var db = Database.OpenContext();
        Assert.Equal(0, await db.DiaryEntries.CountAsync());
        Assert.Equal(0, await db.Assessments.CountAsync());
        Assert.Equal(0, await db.PlanSettingsChanges.CountAsync());
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read_and_answered_by_its_fields()
    {
        var address = App.StartOnLoopback();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = address };
        await client.RegisterAsync("ada@example.com");

        var response = await client.PostAsync("/api/v1/diary", Json(15_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"time\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
