using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Support;

/// <summary>One app on one fresh database per test, on the provider the test class names.</summary>
public abstract class AppTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected NervewiseApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateForAppAsync(provider);
        App = new NervewiseApp(Database.Settings);
    }

    private readonly Dictionary<string, string> _authenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each clinician's authenticator key, for tests that sign one in again.</summary>
    public IReadOnlyDictionary<string, string> AuthenticatorKeys => _authenticatorKeys;

    /// <summary>
    /// A signed-in clinician: registered, given the role (as `nervewise users add --role clinician` would), signed in
    /// again and enrolled in two-step sign-in, which clinicians need before they reach anything else.
    /// </summary>
    public async Task<HttpClient> ClinicianAsync(string email)
    {
        var client = App.Browser();
        await client.RegisterAsync(email);
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.True((await users.AddToRoleAsync(user!, Roles.Clinician)).Succeeded);
        }
        await client.SignOutAsync();
        await client.SignInAsync(email);
        _authenticatorKeys[email] = (await client.EnrolTwoFactorAsync()).Key;
        return client;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public static partial class Forms
{
    public const string GoodPassword = "correct horse battery";

    /// <summary>Fetches a page, then posts its form with the antiforgery token it carried.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Token(await page.Content.ReadAsStringAsync());
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Posts to a page that shows no form now, as an old copy of its form or a hand-made post would: with a valid
    /// token taken from the sign-out page, which always has one (the header's button carries none, ADR 0031).
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithoutFormAsync(this HttpClient client, string url, IDictionary<string, string> fields)
    {
        var token = Token(await client.GetStringAsync("/account/sign-out"));
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>
    /// Registers as a person does: the form, then the link in the confirmation message, then its button. Ends signed
    /// in, answering with the redirect to the first run. When the form is refused, or the email already had an
    /// account (no confirmation link comes), answers with the form's own response.
    /// </summary>
    public static async Task<HttpResponseMessage> RegisterAsync(
        this HttpClient client, string email, string password = GoodPassword, string? timeZone = null, string? name = null, string? dateOfBirth = null)
    {
        var mailbox = NervewiseApp.Of(client).Mailbox;
        var before = mailbox.To(email).Count;
        var posted = await client.PostRegisterAsync(email, password, timeZone, name, dateOfBirth);
        if (posted.StatusCode != HttpStatusCode.Redirect || posted.Headers.Location?.OriginalString != "/account/check-email")
        {
            return posted;
        }
        var link = Mailbox.Link(await mailbox.NewestToAsync(email, before + 1));
        if (link.AbsolutePath != "/account/confirm-email")
        {
            return posted;
        }
        return await client.ConfirmAsync(link);
    }

    /// <summary>Only the registration form, without opening the confirmation link.</summary>
    /// <remarks><paramref name="timeZone"/> stands in for the browser's zone that tz.js would fill in;
    /// <paramref name="name"/> null gives a name made from the email ("ada.king@…" → "Ada King"); "" leaves the field empty.</remarks>
    public static Task<HttpResponseMessage> PostRegisterAsync(
        this HttpClient client, string email, string password = GoodPassword, string? timeZone = null, string? name = null, string? dateOfBirth = null) =>
        client.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name ?? NameFrom(email),
            ["Input.DateOfBirth"] = dateOfBirth ?? "",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.TimeZone"] = timeZone ?? "",
        });

    /// <summary>A plausible name for a test account, from its email: "ada.king@example.com" is "Ada King".</summary>
    public static string NameFrom(string email)
    {
        // Letters and digits only, at most 100 characters: a test about a bad email must not fail on the name instead.
        var parts = new string([.. email.Split('@')[0].Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]);
        var name = string.Join(' ', parts);
        return name.Length == 0 ? "Test Person" : name[..Math.Min(name.Length, 100)].Trim();
    }

    /// <summary>Opens a confirmation link and presses its button; a link that no longer works shows only a message.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, Uri link) =>
        client.FollowLinkAsync(link, new Dictionary<string, string>());

    /// <summary>Opens a link from a message and posts its form with <paramref name="fields"/>, as a person does; answers with the page when it has no form.</summary>
    public static async Task<HttpResponseMessage> FollowLinkAsync(this HttpClient client, Uri link, IDictionary<string, string> fields)
    {
        var page = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        if (!TokenPattern().IsMatch(html))
        {
            return page;
        }
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var form = new Dictionary<string, string>(fields)
        {
            ["user"] = query["user"].ToString(),
            ["code"] = query["code"].ToString(),
            ["__RequestVerificationToken"] = Token(html),
        };
        return await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = GoodPassword) =>
        client.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>
    /// Signs out with the button in the header of a signed-in page, as a person's browser does: a post with no form
    /// token that the browser marks as coming from the app's own page (ADR 0031).
    /// </summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-out") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    /// <summary>Uploads a diary file through the import page's form, as a person does.</summary>
    public static async Task<HttpResponseMessage> UploadDiaryAsync(this HttpClient client, byte[] csv)
    {
        var page = await client.GetStringAsync("/diary/import");
        using var form = new MultipartFormDataContent { { new StringContent(Token(page)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "diary.csv");
        return await client.PostAsync("/diary/import", form);
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
