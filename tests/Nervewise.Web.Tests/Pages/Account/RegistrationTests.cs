using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;
using Nervewise.Web.Pages.Account;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class RegistrationTestsOnSqlite() : RegistrationTests(DatabaseProvider.Sqlite);

public sealed class RegistrationTestsOnPostgres() : RegistrationTests(DatabaseProvider.Postgres);

/// <summary>Registration confirms by email and never tells a stranger whether an email has an account (ADR 17).</summary>
public abstract class RegistrationTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<NervewiseUser?> FindAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>().FindByEmailAsync(email);
    }

    [Fact]
    public async Task A_new_email_gets_an_unconfirmed_account_and_a_link_that_confirms_and_signs_in()
    {
        var client = App.Browser();

        var posted = await client.PostRegisterAsync("ada@example.com");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/account/check-email", posted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.False((await FindAsync("ada@example.com"))!.EmailConfirmed);
        var message = await App.Mailbox.NewestToAsync("ada@example.com");
        Assert.Equal("Confirm your email for Nervewise", message.Subject);
        var link = Mailbox.Link(message);
        Assert.Equal("/account/confirm-email", link.AbsolutePath);

        // Opening the link changes nothing (a mail scanner may open it); its button confirms and signs in.
        var opened = await client.GetStringAsync(link.PathAndQuery);
        Assert.Contains("Confirm my email", opened, StringComparison.Ordinal);
        Assert.False((await FindAsync("ada@example.com"))!.EmailConfirmed);
        var confirmed = await client.ConfirmAsync(link);
        Assert.Equal("/welcome", confirmed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.True((await FindAsync("ada@example.com"))!.EmailConfirmed);

        // Used once, the link signs nobody in again.
        var stranger = App.Browser();
        var again = await stranger.ConfirmAsync(link);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already confirmed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_existing_email_answers_exactly_as_a_new_one_and_mails_the_owner_without_changing_the_account()
    {
        await App.Browser().RegisterAsync("ada@example.com");
        var before = await FindAsync("ada@example.com");

        var fresh = App.Browser();
        var forNew = await fresh.PostRegisterAsync("bea@example.com", "another good phrase");
        var known = App.Browser();
        var forKnown = await known.PostRegisterAsync("ada@example.com", "another good phrase");

        Assert.Equal(forNew.StatusCode, forKnown.StatusCode);
        Assert.Equal(forNew.Headers.Location, forKnown.Headers.Location);
        Assert.Equal(await forNew.Content.ReadAsStringAsync(), await forKnown.Content.ReadAsStringAsync());
        var pageForNew = await fresh.GetStringAsync(forNew.Headers.Location!.OriginalString);
        var pageForKnown = await known.GetStringAsync(forKnown.Headers.Location!.OriginalString);
        Assert.Equal(Visible(pageForNew), Visible(pageForKnown));
        Assert.Contains("Check your email", pageForKnown, StringComparison.Ordinal);

        var owner = await App.Mailbox.NewestToAsync("ada@example.com", count: 2);
        Assert.Equal("Someone tried to create a Nervewise account with your email", owner.Subject);
        Assert.Contains("/account/forgot-password", owner.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/confirm-email", owner.TextBody, StringComparison.Ordinal);
        var after = await FindAsync("ada@example.com");
        Assert.Equal(before!.PasswordHash, after!.PasswordHash);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().SignInAsync("ada@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Browser().SignInAsync("ada@example.com", "another good phrase")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_before_confirming_is_refused_and_sends_a_fresh_link()
    {
        await App.Browser().PostRegisterAsync("ada@example.com");
        await App.Mailbox.NewestToAsync("ada@example.com");
        var client = App.Browser();

        var refused = await client.SignInAsync("ada@example.com");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(SignInModel.EmailNotConfirmed), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        var fresh = await App.Mailbox.NewestToAsync("ada@example.com", count: 2);
        Assert.Equal("/welcome", (await client.ConfirmAsync(Mailbox.Link(fresh))).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_the_wrong_password_gets_the_usual_message_and_no_mail()
    {
        await App.Browser().PostRegisterAsync("ada@example.com");
        await App.Mailbox.NewestToAsync("ada@example.com");

        var refused = await App.Browser().SignInAsync("ada@example.com", "not the password");

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("do not match", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not confirmed", html, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(App.Mailbox.To("ada@example.com"));
    }

    [Fact]
    public async Task A_broken_or_foreign_confirmation_link_confirms_nothing()
    {
        await App.Browser().PostRegisterAsync("ada@example.com");
        var link = Mailbox.Link(await App.Mailbox.NewestToAsync("ada@example.com"));
        await App.Browser().PostRegisterAsync("bea@example.com");
        var other = Mailbox.Link(await App.Mailbox.NewestToAsync("bea@example.com"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var otherQuery = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(other.Query);
        var client = App.Browser();

        // Ada's user id with Bea's code, and a code that is not one at all.
        var swapped = await client.ConfirmAsync(new Uri($"http://localhost/account/confirm-email?user={query["user"]}&code={otherQuery["code"]}"));
        var garbage = await client.ConfirmAsync(new Uri($"http://localhost/account/confirm-email?user={query["user"]}&code=not-a-code"));

        Assert.Contains(ConfirmEmailModel.Expired, await swapped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(ConfirmEmailModel.Expired, await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await FindAsync("ada@example.com"))!.EmailConfirmed);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    // The page without its per-request antiforgery token.
    private static string Visible(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");
}
