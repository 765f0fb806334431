using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>
/// In Production over plain HTTP (a trial on http://127.0.0.1) forms work rather than answer 500; the session cookie
/// stays Secure, and plain HTTP is redirected only when the app has an HTTPS port to send people to.
/// </summary>
public sealed class PlainHttpTests() : AppTest(DatabaseProvider.Sqlite)
{
    private HttpClient Production(Uri address, params (string Key, string Value)[] settings) =>
        App.WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Production");
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }
            })
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = address });

    [Fact]
    public async Task Forms_over_plain_http_work_and_the_session_cookie_stays_secure()
    {
        await Production(new Uri("https://localhost")).RegisterAsync("ada@example.com");
        var http = Production(new Uri("http://127.0.0.1"));

        using var form = await http.GetAsync("/account/sign-in");
        using var wrong = await http.SignInAsync("ada@example.com", "not the password at all");
        using var signedIn = await http.SignInAsync("ada@example.com");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("nervewise=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plain_http_is_redirected_only_when_an_https_port_is_configured()
    {
        using var trial = await Production(new Uri("http://127.0.0.1")).GetAsync("/");
        using var served = await Production(new Uri("http://127.0.0.1"), ("https_port", "8443")).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, trial.StatusCode);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, served.StatusCode);
        Assert.Equal("https://127.0.0.1:8443/", served.Headers.Location?.ToString());
    }
}
