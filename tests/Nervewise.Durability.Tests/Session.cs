using System.Net;
using System.Text.RegularExpressions;

namespace Nervewise.Durability.Tests;

/// <summary>
/// A signed-in person's cookies, kept by hand: the server changes port at each start and marks its cookies
/// Secure (it runs as in production), which a cookie container would refuse to send over plain HTTP.
/// </summary>
internal sealed partial class Session(HttpClient http, Server server)
{
    public const string Password = "correct horse battery";
    private readonly Dictionary<string, string> _cookies = [];

    public HttpClient Http => http;

    public Server Server => server;

    /// <summary>Registers through the form and the confirmation link, as a person does, which also signs them in.</summary>
    public static async Task<Session> RegisterAsync(HttpClient http, Server server, string email)
    {
        var session = new Session(http, server);
        using var page = await session.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/account/register"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, "The registration page has no antiforgery token.");

        using var registered = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/register")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Durable Dana",
                ["Input.Email"] = email,
                ["Input.Password"] = Password,
                ["Input.ConfirmPassword"] = Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Redirect, $"Registration answered {(int)registered.StatusCode}.");

        // Then the link in the confirmation message, and its button, which signs in.
        var link = Nervewise.Testing.Mailbox.Link(await server.Mailbox.NewestToAsync(email));
        using var confirmPage = await session.SendAsync(new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery));
        var confirmToken = TokenPattern().Match(await confirmPage.Content.ReadAsStringAsync());
        Assert.True(confirmToken.Success, "The confirmation page has no antiforgery token.");
        using var confirmed = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, link.PathAndQuery)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(confirmToken.Groups[1].Value),
            }),
        });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"Confirmation answered {(int)confirmed.StatusCode}.");

        using var me = await session.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/me"));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        return session;
    }

    /// <summary>Sends to the server's current address with this person's cookies, and keeps any it sets.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        request.RequestUri = new Uri(server.Address, request.RequestUri!.OriginalString);
        request.Headers.Add("X-Forwarded-Proto", "https");
        string cookies;
        lock (_cookies)
        {
            cookies = string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
        }
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var response = await http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_cookies)
            {
                foreach (var pair in setCookies.Select(c => c.Split(';', 2)[0].Split('=', 2)))
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
        }
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
