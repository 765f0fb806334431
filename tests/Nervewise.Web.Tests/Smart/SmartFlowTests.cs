using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Documents.Fhir;
using Nervewise.Testing;
using Nervewise.Web.Smart;
using Nervewise.Web.Tests.Pages.Clinic;
using Nervewise.Web.Tests.Support;
using OpenIddict.Abstractions;

namespace Nervewise.Web.Tests.Smart;

public sealed class SmartFlowTestsOnSqlite() : SmartFlowTests(DatabaseProvider.Sqlite);

public sealed class SmartFlowTestsOnPostgres() : SmartFlowTests(DatabaseProvider.Postgres);

/// <summary>The SMART standalone launch by HTTP: sign in, consent, code with PKCE, tokens with the FhirCaller claims.</summary>
public abstract class SmartFlowTests(DatabaseProvider provider) : AppTest(provider)
{
    /// <summary>A second instance of the app on the same database, with the test-only caller probe.</summary>
    protected WebApplicationFactory<Program> Probe() =>
        App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, CallerProbe>()));

    protected static async Task<(HttpStatusCode Status, JsonElement? Caller)> CallerAsync(WebApplicationFactory<Program> probe, string accessToken)
    {
        using var client = probe.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, CallerProbe.Path).WithToken(accessToken));
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone())
            : (response.StatusCode, null);
    }

    private static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64UrlTextEncoder.Decode(jwt.Split('.')[1])).RootElement.Clone();

    [Fact]
    public async Task A_person_signs_in_as_usual_approves_the_app_and_gets_tokens_bound_to_their_record()
    {
        var added = await App.RegisterAppAsync();
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");
        await person.SignOutAsync();
        var userId = await Database.IdOfAsync("ada@example.com");
        var pkce = SmartLaunch.NewPkce();
        var authorize = SmartLaunch.AuthorizeUrl(added.ClientId, "launch/patient patient/*.rs openid fhirUser offline_access", pkce);

        var toSignIn = await person.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith("/account/sign-in", toSignIn.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        var signedIn = await person.SubmitAsync(toSignIn.Headers.Location!.PathAndQuery(), new Dictionary<string, string>
        {
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = Forms.GoodPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(authorize, signedIn.Headers.Location!.OriginalString);

        var consent = await person.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        var html = await consent.Content.ReadAsStringAsync();
        Assert.Contains("Allow <strong>Pain Tracker</strong> to read your records?", html);
        Assert.Contains("Your details (name, birth date and email), your pain diary, your assessments, your plan and any warning signs", html);
        Assert.Contains("It can keep reading while you are away, until you stop it.", html);
        // The answer redirects to the app: the page's form-action lets it.
        Assert.Contains("form-action 'self' http://localhost:5999", consent.Headers.GetValues("Content-Security-Policy").Single());

        var code = SmartLaunch.CodeFrom(await person.AnswerAsync(html, "allow"));
        var (status, token) = await person.ExchangeAsync(added.ClientId, code, pkce);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(FhirExport.PatientId(userId), token.GetProperty("patient").GetString());
        Assert.True(token.TryGetProperty("refresh_token", out _));
        var idToken = Payload(token.GetProperty("id_token").GetString()!);
        Assert.Equal($"Patient/{FhirExport.PatientId(userId)}", idToken.GetProperty("fhirUser").GetString());
        Assert.Equal(userId, idToken.GetProperty("sub").GetString());

        await using var probe = Probe();
        var (callerStatus, caller) = await CallerAsync(probe, token.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, callerStatus);
        Assert.Equal(userId, caller!.Value.GetProperty("userId").GetString());
        Assert.False(caller.Value.GetProperty("isClinician").GetBoolean());
        Assert.Equal(FhirExport.PatientId(userId), caller.Value.GetProperty("patientContext").GetString());
        Assert.Contains("patient/*.rs", caller.Value.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        using var userInfo = await person.SendAsync(new HttpRequestMessage(HttpMethod.Get, SmartServer.UserInfoPath).WithToken(token.GetProperty("access_token").GetString()!));
        var info = await userInfo.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(userId, info.GetProperty("sub").GetString());
        Assert.Equal($"Patient/{FhirExport.PatientId(userId)}", info.GetProperty("fhirUser").GetString());

        // The approval is remembered: the next launch goes straight back to the app.
        var again = await person.GetAsync(SmartLaunch.AuthorizeUrl(added.ClientId, "launch/patient patient/*.rs openid fhirUser offline_access", SmartLaunch.NewPkce()));
        Assert.NotEmpty(SmartLaunch.CodeFrom(again));
        await using var db = Database.OpenContext();
        Assert.Equal(1, await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization>().CountAsync());
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_with_the_same_claims()
    {
        var added = await App.RegisterAppAsync();
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");
        var first = await person.LaunchAsync(added.ClientId, "patient/*.rs offline_access");

        var (status, refreshed) = await person.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = first.GetProperty("refresh_token").GetString()!,
            ["client_id"] = added.ClientId,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(first.GetProperty("access_token").GetString(), refreshed.GetProperty("access_token").GetString());
        Assert.Equal(first.GetProperty("patient").GetString(), refreshed.GetProperty("patient").GetString());
        await using var probe = Probe();
        var (callerStatus, caller) = await CallerAsync(probe, refreshed.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, callerStatus);
        Assert.Equal(first.GetProperty("patient").GetString(), caller!.Value.GetProperty("patientContext").GetString());
    }

    [Fact]
    public async Task Unknown_and_write_scopes_are_dropped_and_no_refresh_token_without_offline_access()
    {
        var added = await App.RegisterAppAsync();
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");

        var token = await person.LaunchAsync(added.ClientId, "patient/Observation.rs patient/Observation.write launch/encounter made-up");

        Assert.Equal("patient/Observation.rs", token.GetProperty("scope").GetString());
        Assert.False(token.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Pkce_is_required_and_only_S256()
    {
        var added = await App.RegisterAppAsync();
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");
        var pkce = SmartLaunch.NewPkce();

        var plain = await person.GetAsync(SmartLaunch.AuthorizeUrl(added.ClientId, "patient/*.rs", pkce with { Challenge = pkce.Verifier }, method: "plain"));
        var none = await person.GetAsync(SmartLaunch.AuthorizeUrl(added.ClientId, "patient/*.rs", pkce).Replace("code_challenge=", "no_challenge=", StringComparison.Ordinal));

        foreach (var refused in new[] { plain, none })
        {
            // Refused before the app is trusted (a 400 here), or sent back to it with the error: never a code.
            if (refused.StatusCode == HttpStatusCode.Redirect)
            {
                var query = QueryHelpers.ParseQuery(refused.Headers.Location!.Query);
                Assert.Equal("invalid_request", query["error"].ToString());
                Assert.False(query.ContainsKey("code"));
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Contains("code_challenge", await refused.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task A_wrong_verifier_a_wrong_redirect_and_a_refusal_give_no_token()
    {
        var added = await App.RegisterAppAsync();
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");

        var elsewhere = await person.GetAsync(SmartLaunch.AuthorizeUrl(added.ClientId, "patient/*.rs", SmartLaunch.NewPkce(), redirectUri: "http://localhost:6666/steal"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Null(elsewhere.Headers.Location);

        var pkce = SmartLaunch.NewPkce();
        var code = await person.ApproveAsync(SmartLaunch.AuthorizeUrl(added.ClientId, "patient/*.rs", pkce));
        var (status, body) = await person.ExchangeAsync(added.ClientId, code, SmartLaunch.NewPkce());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());

        var other = await App.RegisterAppAsync("Another App");
        var consent = await person.GetStringAsync(SmartLaunch.AuthorizeUrl(other.ClientId, "patient/*.rs", SmartLaunch.NewPkce()));
        var refused = await person.AnswerAsync(consent, "deny");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("access_denied", QueryHelpers.ParseQuery(refused.Headers.Location!.Query)["error"].ToString());
    }

    [Fact]
    public async Task An_authorize_request_for_another_server_or_a_consent_without_its_form_token_gives_no_code()
    {
        var added = await App.RegisterAppAsync();
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");
        var pkce = SmartLaunch.NewPkce();
        var url = SmartLaunch.AuthorizeUrl(added.ClientId, "patient/*.rs", pkce);

        foreach (var audience in new[] { "https://evil.example/fhir", "" })
        {
            var wrong = await person.GetAsync(url.Replace("aud=http%3A%2F%2Flocalhost%2Ffhir", $"aud={Uri.EscapeDataString(audience)}", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
            var query = QueryHelpers.ParseQuery(wrong.Headers.Location!.Query);
            Assert.Equal("invalid_request", query["error"].ToString());
            Assert.False(query.ContainsKey("code"));
        }
        // The base with or without its last slash is the same server.
        var consent = await person.GetAsync(url.Replace("aud=http%3A%2F%2Flocalhost%2Ffhir", "aud=http%3A%2F%2Flocalhost%2Ffhir%2F", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);

        // A page elsewhere cannot post "allow" for the person: the form token is checked.
        var forged = await person.PostAsync(SmartServer.AuthorizePath, new FormUrlEncodedContent(
            QueryHelpers.ParseQuery(new Uri("http://localhost" + url).Query).Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
                .Append(KeyValuePair.Create("answer", "allow"))));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
    }

    [Fact]
    public async Task A_confidential_app_needs_its_secret()
    {
        var added = await App.RegisterAppAsync("Clinic System", confidential: true);
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");
        var pkce = SmartLaunch.NewPkce();
        var code = await person.ApproveAsync(SmartLaunch.AuthorizeUrl(added.ClientId, "patient/*.rs", pkce));

        var (without, refused) = await person.ExchangeAsync(added.ClientId, code, pkce);
        var (with, body) = await person.ExchangeAsync(added.ClientId, code, pkce, added.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, without);
        Assert.Equal("invalid_client", refused.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, with);
        Assert.True(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_clinician_chooses_a_person_who_shares_with_them_for_a_patient_launch()
    {
        var added = await App.RegisterAppAsync();
        var clinician = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(clinician, "ada@example.com");
        await Database.NameAsync("ada@example.com", "Ada King");
        var adaId = await Database.IdOfAsync("ada@example.com");
        var pkce = SmartLaunch.NewPkce();
        var authorize = SmartLaunch.AuthorizeUrl(added.ClientId, "launch/patient patient/*.rs openid fhirUser", pkce);

        var html = await clinician.GetStringAsync(authorize);
        Assert.Contains("Whose record may it read?", html);
        Assert.Contains("Ada King", html);
        var unchosen = await clinician.AnswerAsync(html, "allow");
        Assert.Equal(HttpStatusCode.OK, unchosen.StatusCode);
        Assert.Contains("Choose whose record the app may read.", await unchosen.Content.ReadAsStringAsync());
        var stranger = await clinician.AnswerAsync(html, "allow", chosenPatient: "someone-else");
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);

        var code = SmartLaunch.CodeFrom(await clinician.AnswerAsync(html, "allow", chosenPatient: adaId));
        var (status, token) = await clinician.ExchangeAsync(added.ClientId, code, pkce);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(FhirExport.PatientId(adaId), token.GetProperty("patient").GetString());
        await using var probe = Probe();
        var (_, caller) = await CallerAsync(probe, token.GetProperty("access_token").GetString()!);
        Assert.True(caller!.Value.GetProperty("isClinician").GetBoolean());
        Assert.Equal(FhirExport.PatientId(adaId), caller.Value.GetProperty("patientContext").GetString());
    }

    [Fact]
    public async Task A_clinicians_consent_for_user_scopes_names_the_people_who_share()
    {
        var added = await App.RegisterAppAsync("Clinic System");
        var clinician = await ClinicianAsync("physio@example.com");

        var html = await clinician.GetStringAsync(SmartLaunch.AuthorizeUrl(added.ClientId, "user/*.rs", SmartLaunch.NewPkce()));

        Assert.Contains("the records of the people who share with you", html);
        Assert.DoesNotContain("Whose record may it read?", html);
    }

    [Fact]
    public async Task The_smart_configuration_is_public_the_same_at_both_addresses_and_open_to_other_origins()
    {
        var client = App.CreateClient();

        var root = await client.GetStringAsync("/.well-known/smart-configuration");
        var fhir = await client.GetStringAsync("/fhir/.well-known/smart-configuration");

        Assert.Equal(root, fhir);
        var json = JsonDocument.Parse(root).RootElement;
        Assert.Equal("http://localhost/connect/authorize", json.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/connect/token", json.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/connect/revoke", json.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(["S256"], json.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["authorization_code", "refresh_token"], json.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        var capabilities = json.GetProperty("capabilities").EnumerateArray().Select(e => e.GetString()).ToList();
        foreach (var needed in new[] { "launch-standalone", "client-public", "client-confidential-symmetric", "context-standalone-patient", "permission-v2", "sso-openid-connect", "permission-offline" })
        {
            Assert.Contains(needed, capabilities);
        }
        Assert.Contains("patient/*.rs", json.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));

        // OpenIddict's own discovery document agrees on PKCE.
        var openId = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal(["S256"], openId.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/fhir/.well-known/smart-configuration");
        get.Headers.Add("Origin", "https://app.example");
        using var cors = await client.SendAsync(get);
        Assert.Equal("*", cors.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, SmartServer.TokenPath);
        preflight.Headers.Add("Origin", "https://app.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var answered = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Equal("*", answered.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(answered.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task The_servers_keys_are_kept_in_the_database_protected_and_shared_by_every_instance()
    {
        var added = await App.RegisterAppAsync();
        var person = App.Browser();
        await person.RegisterAsync("ada@example.com");
        var token = await person.LaunchAsync(added.ClientId, "patient/*.rs");

        await using (var db = Database.OpenContext())
        {
            var keys = await db.ServerKeys.OrderBy(k => k.Purpose).ToListAsync();
            Assert.Equal(["encryption", "signing"], keys.Select(k => k.Purpose));
            // Not the plain PKCS#8 key (whose base64 starts "MII"), nor anything that reads as a key without Data Protection.
            Assert.All(keys, k =>
            {
                Assert.False(k.ProtectedKey.StartsWith("MII", StringComparison.Ordinal));
                using var rsa = System.Security.Cryptography.RSA.Create();
                Assert.ThrowsAny<Exception>(() => rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(k.ProtectedKey), out _));
            });
        }
        // Another instance on the same database reads the first one's token.
        await using var probe = Probe();
        Assert.Equal(HttpStatusCode.OK, (await CallerAsync(probe, token.GetProperty("access_token").GetString()!)).Status);
    }
}

internal static class UriText
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
