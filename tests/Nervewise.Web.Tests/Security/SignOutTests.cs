using System.Net;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>
/// The header's sign-out button posts without a form token (ADR 0031): it signs out only when the browser says the
/// post came from our own page, or with the sign-out page's own token. A post from another site only shows the page
/// that asks, and the session goes on.
/// </summary>
public sealed class SignOutTests() : AppTest(DatabaseProvider.Sqlite)
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = App.Browser();
        await client.RegisterAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-out") { Content = new FormUrlEncodedContent([]) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_header_button_signs_out_without_a_form_token()
    {
        var client = await SignedInAsync("ada@example.com");
        var timeline = await client.GetStringAsync("/diary/timeline");
        Assert.Contains("action=\"/account/sign-out\"", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", timeline, StringComparison.Ordinal);

        using var signedOut = await PostAsync(client, ("Sec-Fetch-Site", "same-origin"));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_browser_without_fetch_metadata_signs_out_from_its_own_origin()
    {
        var client = await SignedInAsync("bea@example.com");

        using var signedOut = await PostAsync(client, ("Origin", "http://localhost"));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData(null, null)]
    public async Task A_post_the_browser_does_not_vouch_for_only_asks(string? header, string? value)
    {
        var client = await SignedInAsync("cy@example.com");

        using var asked = header is null ? await PostAsync(client) : await PostAsync(client, (header, value!));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Sign out of Nervewise on this device?", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        // The page's own form carries a token, and its post signs out.
        using var confirmed = await client.PostAsync("/account/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.Token(page) }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }
}
