using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>Every kind of response carries the security headers, and the cookies cannot be read by script or sent from other sites.</summary>
public sealed class HeadersAndCookiesTests() : AppTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        var responses = new List<HttpResponseMessage>
        {
            await App.Browser().GetAsync("/"),
            await App.Browser().GetAsync("/today"), // a redirect to sign in
            await client.GetAsync("/today"),
            await client.GetAsync("/api/v1/me"),
            await client.PostAsJsonAsync("/api/v1/diary", new { type = "nonsense" }), // ProblemDetails
            await client.GetAsync("/no-such-page"),
            await client.GetAsync("/css/site.css"),
            await client.GetAsync("/health"),
            await client.GetAsync("/diary/import/export"), // a download
        };

        foreach (var response in responses)
        {
            var where = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} ({(int)response.StatusCode})";
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), where);
            Assert.True(csp.Contains("default-src 'self'", StringComparison.Ordinal), where);
            Assert.False(csp.Contains("unsafe-inline", StringComparison.Ordinal) || csp.Contains("unsafe-eval", StringComparison.Ordinal), where);
            Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", where);
            Assert.True(Header(response, "Referrer-Policy") is "no-referrer" or "same-origin", where);
            Assert.True(Header(response, "X-Frame-Options") == "DENY", where);
            response.Dispose();
        }
    }

    [Fact]
    public async Task In_development_cookies_are_http_only_and_same_site()
    {
        var (antiforgery, session) = await CookiesAsync(App, new Uri("http://localhost"));

        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_development_every_cookie_is_also_secure()
    {
        var production = App.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var (antiforgery, session) = await CookiesAsync(production, new Uri("https://localhost"));

        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The Set-Cookie lines of the antiforgery cookie (from the form) and the session cookie (from registering).</summary>
    private static async Task<(string Antiforgery, string Session)> CookiesAsync(WebApplicationFactory<Program> app, Uri address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = address });
        using var form = await client.GetAsync("/account/register");
        var antiforgery = SetCookie(form, ".AspNetCore.Antiforgery.");
        using var registered = await client.RegisterAsync("ada@example.com");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return (antiforgery, SetCookie(registered, "nervewise="));
    }

    private static string SetCookie(HttpResponseMessage response, string prefix) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(prefix, StringComparison.Ordinal));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(";", values)
            : "";
}
