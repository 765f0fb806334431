using System.Net;
using System.Text.RegularExpressions;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Support;

/// <summary>Two-step sign-in as a person does it: read the key from the set-up page, type what the app would show.</summary>
public static partial class TwoFactorForms
{
    public const string SetupPath = "/account/two-factor/setup";

    /// <summary>The key the set-up page shows, spaces removed.</summary>
    public static async Task<string> SetupKeyAsync(this HttpClient client)
    {
        var page = await client.GetAsync(SetupPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return Key(await page.Content.ReadAsStringAsync());
    }

    public static string Key(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "The page shows no authenticator key.");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    public static Task<HttpResponseMessage> ConfirmSetupAsync(this HttpClient client, string code) =>
        client.SubmitAsync(SetupPath, new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Turns two-step sign-in on; returns the key and the recovery codes shown once.</summary>
    public static async Task<(string Key, string[] RecoveryCodes)> EnrolTwoFactorAsync(this HttpClient client)
    {
        var key = await client.SetupKeyAsync();
        using var done = await client.ConfirmSetupAsync(Totp.Code(key));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = RecoveryCodes(await done.Content.ReadAsStringAsync());
        Assert.NotEmpty(codes);
        return (key, codes);
    }

    public static string[] RecoveryCodes(string html) =>
        [.. CodeListPattern().Match(html).Groups[1].Value is var list
            ? CodePattern().Matches(list).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            : []];

    /// <summary>The second step of signing in, with a code from the app or a recovery code.</summary>
    public static Task<HttpResponseMessage> SecondStepAsync(this HttpClient client, string code, bool recovery = false) =>
        client.SubmitAsync(recovery ? "/account/sign-in/code?Recovery=true" : "/account/sign-in/code",
            new Dictionary<string, string> { ["Input.Code"] = code, ["Recovery"] = recovery ? "true" : "false" });

    /// <summary>Both steps, with a fresh code from the key.</summary>
    public static async Task SignInWithCodeAsync(this HttpClient client, string email, string key, string password = Forms.GoodPassword)
    {
        using var first = await client.SignInAsync(email, password);
        Assert.StartsWith("/account/sign-in/code", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var second = await client.SecondStepAsync(Totp.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
    }

    [GeneratedRegex("<code data-authenticator-key>([A-Z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-recovery-codes>(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex CodeListPattern();

    [GeneratedRegex("<code>([^<]+)</code>")]
    private static partial Regex CodePattern();
}
