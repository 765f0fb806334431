using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;
using Nervewise.Web.Pages.Account;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class TwoFactorTestsOnSqlite() : TwoFactorTests(DatabaseProvider.Sqlite);

public sealed class TwoFactorTestsOnPostgres() : TwoFactorTests(DatabaseProvider.Postgres);

public abstract class TwoFactorTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Email = "ada@example.com";

    private async Task<NervewiseUser> UserAsync(string email = Email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>().FindByEmailAsync(email))!;
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A six-digit code that is none of the ones the app accepts now (Identity allows a little clock drift).</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var near = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => ((i * 7919 + 123457) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(code => !near.Contains(code));
    }

    [Fact]
    public async Task The_set_up_page_shows_the_key_in_groups_an_otpauth_link_and_a_QR_code_drawn_in_the_page()
    {
        var client = App.Browser();
        await client.RegisterAsync(Email);

        var html = await client.GetStringAsync(TwoFactorForms.SetupPath);

        var key = TwoFactorForms.Key(html);
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        Assert.Contains(string.Join(' ', key.Chunk(4).Select(c => new string(c))), html, StringComparison.Ordinal);
        Assert.Contains($"otpauth://totp/Nervewise%3Aada%40example.com?secret={key}&amp;issuer=Nervewise", html, StringComparison.Ordinal);
        Assert.Matches("<svg[^>]*class=\"qr-code\"[^>]*role=\"img\"", html);
        // Drawn on the server as one path of squares: nothing to fetch, no script.
        Assert.Matches("<path d=\"(M\\d+ \\d+h1v1h-1z){100,}\"", html);
        // The key stays the same until it is used, so a reload does not break a half-done set-up.
        Assert.Equal(key, await client.SetupKeyAsync());
    }

    [Fact]
    public async Task Enrolment_with_a_wrong_code_is_refused_and_two_step_stays_off()
    {
        var client = App.Browser();
        await client.RegisterAsync(Email);
        var key = await client.SetupKeyAsync();

        var response = await client.ConfirmSetupAsync(WrongCode(key));

        var html = await BodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That code did not match", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.Code\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-recovery-codes", html, StringComparison.Ordinal);
        Assert.False((await UserAsync()).TwoFactorEnabled);

        var letters = await client.ConfirmSetupAsync("abcdef");
        Assert.Contains("numbers only", await BodyAsync(letters), StringComparison.Ordinal);
        Assert.False((await UserAsync()).TwoFactorEnabled);
    }

    [Fact]
    public async Task Enrolment_with_the_right_code_turns_it_on_and_shows_recovery_codes_once()
    {
        var client = App.Browser();
        await client.RegisterAsync(Email);
        var key = await client.SetupKeyAsync();

        var response = await client.ConfirmSetupAsync(Totp.Code(key));

        var html = await BodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Keep these somewhere safe", html, StringComparison.Ordinal);
        var codes = TwoFactorForms.RecoveryCodes(html);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.True((await UserAsync()).TwoFactorEnabled);
        // Never shown again.
        var status = await client.GetStringAsync("/account/two-factor");
        Assert.Contains("<strong>10</strong> recovery codes left", status, StringComparison.Ordinal);
        Assert.All(codes, code => Assert.DoesNotContain(code, status, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(TwoFactorForms.SetupPath)).StatusCode);
        Assert.Contains("<dd>On</dd>", await client.GetStringAsync("/account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_then_needs_the_code_from_the_app()
    {
        var setup = App.Browser();
        await setup.RegisterAsync(Email);
        var (key, _) = await setup.EnrolTwoFactorAsync();
        var client = App.Browser();

        var first = await client.SignInAsync(Email);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/sign-in/code", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/today")).StatusCode);

        var wrong = await client.SecondStepAsync(WrongCode(key));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code did not work", await BodyAsync(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        var right = await client.SecondStepAsync(Totp.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/today", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_second_step_without_the_password_step_goes_back_to_sign_in()
    {
        var response = await App.Browser().GetAsync("/account/sign-in/code");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var setup = App.Browser();
        await setup.RegisterAsync(Email);
        var (_, codes) = await setup.EnrolTwoFactorAsync();

        var client = App.Browser();
        await client.SignInAsync(Email);
        var page = await client.GetStringAsync("/account/sign-in/code");
        Assert.Contains("Use a recovery code", page, StringComparison.Ordinal);
        var used = await client.SecondStepAsync(codes[0], recovery: true);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var again = App.Browser();
        await again.SignInAsync(Email);
        var refused = await again.SecondStepAsync(codes[0], recovery: true);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("That recovery code did not work", await BodyAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/v1/me")).StatusCode);

        // Typed as people do: small letters, no dash.
        var other = await again.SecondStepAsync(codes[1].Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant(), recovery: true);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("<strong>8</strong> recovery codes left", await again.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);
    }

    /// <summary>A clinician as `nervewise users add --role clinician` leaves them: signed in, two-step sign-in not set up.</summary>
    private async Task<HttpClient> ClinicianWithoutTwoFactorAsync(string email)
    {
        var client = App.Browser();
        await client.RegisterAsync(email);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Clinician)).Succeeded);
        }
        await client.SignOutAsync();
        var signedIn = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_clinician_without_two_step_is_gated_until_enrolled_then_reaches_the_caseload()
    {
        var client = await ClinicianWithoutTwoFactorAsync("physio@example.com");

        foreach (var path in new[] { "/clinic", "/today", "/account", "/diary", "/plan/calendar.ics" })
        {
            var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.Redirect, $"{path} answered {page.StatusCode}");
            Assert.Equal(TwoFactorForms.SetupPath, page.Headers.Location?.OriginalString);
        }
        var api = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("two-step sign-in", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        // Still open: the set-up itself, first aid, the site's files and health.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(TwoFactorForms.SetupPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/first-aid")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await client.EnrolTwoFactorAsync();

        // The same session, refreshed at enrolment: no need to sign in again.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/clinic")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_clinician_who_moves_to_a_new_phone_is_gated_again_until_the_new_phone_is_set_up()
    {
        var client = await ClinicianAsync("physio@example.com");

        var moved = await client.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Proof"] = Forms.GoodPassword },
            "/account/two-factor?handler=NewPhone");

        Assert.Equal(TwoFactorForms.SetupPath, moved.Headers.Location?.OriginalString);
        Assert.Equal(TwoFactorForms.SetupPath, (await client.GetAsync("/clinic")).Headers.Location?.OriginalString);
        var newKey = await client.SetupKeyAsync();
        Assert.NotEqual(AuthenticatorKeys["physio@example.com"], newKey);
        await client.EnrolTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/clinic")).StatusCode);
    }

    [Fact]
    public async Task A_patient_without_two_step_is_not_gated()
    {
        var client = App.Browser();
        await client.RegisterAsync(Email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/today")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        var account = await client.GetStringAsync("/account");
        Assert.Contains("<dd>Off</dd>", account, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/two-factor/setup\"", account, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> TurnOffAsync(HttpClient client, string proof) =>
        client.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Proof"] = proof }, "/account/two-factor?handler=TurnOff");

    [Fact]
    public async Task Turning_it_off_needs_the_password_or_a_code()
    {
        var client = App.Browser();
        await client.RegisterAsync(Email);
        var (key, _) = await client.EnrolTwoFactorAsync();

        var empty = await TurnOffAsync(client, "");
        Assert.Contains("Type your password or a code from your app.", await BodyAsync(empty), StringComparison.Ordinal);
        var wrong = await TurnOffAsync(client, "not the password");
        Assert.Contains(TwoFactorModel.WrongProof, await BodyAsync(wrong), StringComparison.Ordinal);
        var wrongCode = await TurnOffAsync(client, WrongCode(key));
        Assert.Contains(TwoFactorModel.WrongProof, await BodyAsync(wrongCode), StringComparison.Ordinal);
        Assert.True((await UserAsync()).TwoFactorEnabled);

        var byPassword = await TurnOffAsync(client, Forms.GoodPassword);
        Assert.Equal("/account/two-factor?done=off", byPassword.Headers.Location?.OriginalString);
        Assert.False((await UserAsync()).TwoFactorEnabled);
        Assert.Contains("Two-step sign-in is off", await client.GetStringAsync("/account/two-factor?done=off"), StringComparison.Ordinal);
        var signIn = await App.Browser().SignInAsync(Email);
        Assert.Equal("/today", signIn.Headers.Location?.OriginalString);

        (key, _) = await client.EnrolTwoFactorAsync();
        var byCode = await TurnOffAsync(client, Totp.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, byCode.StatusCode);
        Assert.False((await UserAsync()).TwoFactorEnabled);
    }

    [Fact]
    public async Task A_clinician_cannot_turn_it_off()
    {
        var client = await ClinicianAsync("physio@example.com");

        var page = await client.GetStringAsync("/account/two-factor");
        Assert.DoesNotContain("Turn off two-step sign-in", page, StringComparison.Ordinal);
        var response = await TurnOffAsync(client, Forms.GoodPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TwoFactorModel.ClinicianKeepsIt, await BodyAsync(response), StringComparison.Ordinal);
        Assert.True((await UserAsync("physio@example.com")).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/clinic")).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var client = App.Browser();
        await client.RegisterAsync(Email);
        var (_, old) = await client.EnrolTwoFactorAsync();

        var response = await client.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Proof"] = Forms.GoodPassword },
            "/account/two-factor?handler=Codes");

        var fresh = TwoFactorForms.RecoveryCodes(await BodyAsync(response));
        Assert.Equal(10, fresh.Length);
        Assert.Empty(fresh.Intersect(old));
        var signIn = App.Browser();
        await signIn.SignInAsync(Email);
        Assert.Equal(HttpStatusCode.OK, (await signIn.SecondStepAsync(old[0], recovery: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.SecondStepAsync(fresh[0], recovery: true)).StatusCode);
    }
}
