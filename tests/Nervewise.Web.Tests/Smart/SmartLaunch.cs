using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data.Smart;
using Nervewise.Testing;
using Nervewise.Web.Fhir;
using Nervewise.Web.Smart;
using Nervewise.Web.Tests.Support;
using OpenIddict.Abstractions;

namespace Nervewise.Web.Tests.Smart;

/// <summary>A SMART app's side of the launch, by plain HTTP: PKCE, the authorize URL, consent, code for token.</summary>
public static partial class SmartLaunch
{
    public const string RedirectUri = "http://localhost:5999/callback";

    public sealed record Pkce(string Verifier, string Challenge);

    public static Pkce NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static async Task<SmartApps.Added> RegisterAppAsync(this NervewiseApp app, string name = "Pain Tracker", bool confidential = false)
    {
        using var scope = app.Services.CreateScope();
        return await SmartApps.AddAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), name, RedirectUri, confidential);
    }

    public static string AuthorizeUrl(string clientId, string scope, Pkce pkce, string method = "S256", string redirectUri = RedirectUri) =>
        QueryHelpers.AddQueryString(SmartServer.AuthorizePath, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = "state-1234567890",
            ["aud"] = "http://localhost/fhir",
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = method,
        });

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    /// <summary>Answers the consent page as a person does: every field the page carried, and the button pressed.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient client, string consentHtml, string answer, string? chosenPatient = null)
    {
        var fields = HiddenField().Matches(consentHtml)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(p => p.Key != "__RequestVerificationToken")
            .ToList();
        fields.Add(KeyValuePair.Create("__RequestVerificationToken", Forms.Token(consentHtml)));
        fields.Add(KeyValuePair.Create("answer", answer));
        if (chosenPatient is not null)
        {
            fields.Add(KeyValuePair.Create("chosen_patient", chosenPatient));
        }
        return await client.PostAsync(SmartServer.AuthorizePath, new FormUrlEncodedContent(fields));
    }

    /// <summary>The code in the redirect back to the app (after checking the state came back).</summary>
    public static string CodeFrom(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.OriginalString);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("state-1234567890", query["state"].ToString());
        return query["code"].ToString();
    }

    /// <summary>A signed-in person (or clinician) opens the app's authorize URL and allows it; answers the code.</summary>
    public static async Task<string> ApproveAsync(this HttpClient signedIn, string authorizeUrl, string? chosenPatient = null)
    {
        var consent = await signedIn.GetAsync(authorizeUrl);
        if (consent.StatusCode == HttpStatusCode.Redirect)
        {
            return CodeFrom(consent);
        }
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        return CodeFrom(await signedIn.AnswerAsync(await consent.Content.ReadAsStringAsync(), "allow", chosenPatient));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(this HttpClient client, IDictionary<string, string> form)
    {
        using var response = await client.PostAsync(SmartServer.TokenPath, new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(this HttpClient client, string clientId, string code, Pkce pkce, string? secret = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = pkce.Verifier,
        };
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }
        return client.TokenAsync(form);
    }

    /// <summary>The whole launch for a signed-in account: answers the token response.</summary>
    public static async Task<JsonElement> LaunchAsync(this HttpClient signedIn, string clientId, string scope, string? chosenPatient = null)
    {
        var pkce = NewPkce();
        var code = await signedIn.ApproveAsync(AuthorizeUrl(clientId, scope, pkce), chosenPatient);
        var (status, body) = await signedIn.ExchangeAsync(clientId, code, pkce);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static HttpRequestMessage WithToken(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// TEST ONLY: <c>/test-only/caller</c> answers what the FHIR API's authentication makes of a bearer token (the
/// <see cref="FhirCaller"/>), so the tokens' claims and their revocation are tested before the /fhir endpoints exist.
/// </summary>
public sealed class CallerProbe : IStartupFilter
{
    public const string Path = "/test-only/caller";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // UseWhen, not Map: Map would move the path into PathBase, and the token's issuer would no longer match.
        // OpenIddict's handlers first, as the app runs them on /fhir (its schemes authenticate only after them).
        app.UseWhen(context => context.Request.Path == Path, branch => branch.UseOpenIddictHandlers().UseAuthentication().Run(async context =>
        {
            var result = await context.AuthenticateAsync(SmartServer.Scheme);
            if (result.Principal is null || FhirCaller.From(result.Principal) is not { } caller)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            await context.Response.WriteAsJsonAsync(new
            {
                caller.UserId,
                caller.IsClinician,
                Scopes = caller.Scopes.Order(StringComparer.Ordinal).ToArray(),
                caller.PatientContext,
            });
        }));
        next(app);
    };
}
