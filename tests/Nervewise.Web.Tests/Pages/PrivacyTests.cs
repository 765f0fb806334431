using System.Net;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages;

public sealed class PrivacyTestsOnSqlite() : PrivacyTests(DatabaseProvider.Sqlite);

public sealed class PrivacyTestsOnPostgres() : PrivacyTests(DatabaseProvider.Postgres);

/// <summary>Signed out, nothing personal is served; public pages stay public.</summary>
public abstract class PrivacyTests(DatabaseProvider provider) : AppTest(provider)
{
    [Theory]
    [InlineData("/today")]
    [InlineData("/account")]
    [InlineData("/account/change-password")]
    public async Task Personal_pages_send_a_signed_out_visitor_to_sign_in(string path)
    {
        var response = await App.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_a_signed_out_caller_with_401_not_a_redirect()
    {
        var response = await App.Browser().GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/account/register")]
    [InlineData("/css/site.css")]
    public async Task Public_pages_need_no_account(string path)
    {
        var response = await App.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_forbid_framing_and_outside_resources()
    {
        var response = await App.Browser().GetAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_page_gets_a_plain_page_and_a_missing_endpoint_gets_problem_details()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("find that page", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await client.GetAsync("/api/v1/no-such-endpoint");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
