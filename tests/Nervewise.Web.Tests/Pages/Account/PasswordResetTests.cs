using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;
using Nervewise.Web.Pages.Account;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class PasswordResetTestsOnSqlite() : PasswordResetTests(DatabaseProvider.Sqlite);

public sealed class PasswordResetTestsOnPostgres() : PasswordResetTests(DatabaseProvider.Postgres);

/// <summary>"Forgot your password?": the same answer for every email, a link that works once for an hour (ADR 17).</summary>
public abstract class PasswordResetTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string NewPassword = "a fresh start phrase";

    private static Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, Uri link, string password = NewPassword) =>
        client.FollowLinkAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    [Fact]
    public async Task The_sign_in_page_links_to_the_forgotten_password_page()
    {
        var signIn = await App.Browser().GetStringAsync("/account/sign-in");

        Assert.Contains("href=\"/account/forgot-password\"", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_gets_exactly_the_answer_a_known_one_gets_and_no_mail()
    {
        await App.Browser().RegisterAsync("ada@example.com");
        var knownClient = App.Browser();
        var unknownClient = App.Browser();

        var known = await ForgotAsync(knownClient, "ada@example.com");
        var unknown = await ForgotAsync(unknownClient, "nobody@example.com");

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        var knownPage = await knownClient.GetStringAsync(known.Headers.Location!.OriginalString);
        var unknownPage = await unknownClient.GetStringAsync(unknown.Headers.Location!.OriginalString);
        Assert.Equal(knownPage, unknownPage);
        Assert.Contains(WebUtility.HtmlEncode(ForgotPasswordModel.SentMessage), knownPage, StringComparison.Ordinal);

        var message = await App.Mailbox.NewestToAsync("ada@example.com", count: 2);
        Assert.Equal("Choose a new password for Nervewise", message.Subject);
        await Task.Delay(300);
        Assert.Empty(App.Mailbox.To("nobody@example.com"));
    }

    [Fact]
    public async Task The_link_sets_a_new_password_ends_every_other_session_and_works_only_once()
    {
        // Sessions are checked against the security stamp on every request here, so the test sees the change at once.
        await using var app = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero)));
        var phone = app.CreateClient(new() { AllowAutoRedirect = false });
        await phone.RegisterAsync("ada@example.com");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/v1/me")).StatusCode);
        var laptop = app.CreateClient(new() { AllowAutoRedirect = false });

        await ForgotAsync(laptop, "ada@example.com");
        var link = Mailbox.Link(await App.Mailbox.NewestToAsync("ada@example.com", count: 2));
        Assert.Equal("/account/reset-password", link.AbsolutePath);
        var reset = await ResetAsync(laptop, link);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(ResetPasswordModel.DoneMessage), await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains("do not match", await (await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync("ada@example.com")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SignInAsync("ada@example.com", NewPassword)).StatusCode);

        // The same link again: refused, and the password stays.
        var again = await ResetAsync(app.CreateClient(new() { AllowAutoRedirect = false }), link, "yet another phrase here");
        Assert.Contains(ResetPasswordModel.Expired, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync("ada@example.com", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_link_confirms_an_unconfirmed_email()
    {
        await App.Browser().PostRegisterAsync("ada@example.com");
        await App.Mailbox.NewestToAsync("ada@example.com");

        await ForgotAsync(App.Browser(), "ada@example.com");
        await ResetAsync(App.Browser(), Mailbox.Link(await App.Mailbox.NewestToAsync("ada@example.com", count: 2)));

        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().SignInAsync("ada@example.com", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Links_work_for_an_hour_and_an_expired_one_is_refused()
    {
        Assert.Equal(TimeSpan.FromHours(1), App.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan);
        // The token provider reads the real clock: a one-second lifetime stands in for the hour.
        await using var app = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromSeconds(1))));
        await app.CreateClient(new() { AllowAutoRedirect = false }).RegisterAsync("ada@example.com");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await ForgotAsync(client, "ada@example.com");
        var link = Mailbox.Link(await App.Mailbox.NewestToAsync("ada@example.com", count: 2));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var opened = await client.GetStringAsync(link.PathAndQuery);
        var posted = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            // The expired page has no form; any anonymous page's token does.
            ["__RequestVerificationToken"] = Forms.Token(await client.GetStringAsync("/account/forgot-password")),
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }));

        Assert.Contains(ResetPasswordModel.Expired, opened, StringComparison.Ordinal);
        Assert.Contains(ResetPasswordModel.Expired, await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync("ada@example.com")).StatusCode);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_and_the_link_still_works()
    {
        await App.Browser().RegisterAsync("ada@example.com");
        await ForgotAsync(App.Browser(), "ada@example.com");
        var link = Mailbox.Link(await App.Mailbox.NewestToAsync("ada@example.com", count: 2));

        var weak = await ResetAsync(App.Browser(), link, "password12");
        var html = await weak.Content.ReadAsStringAsync();

        Assert.Contains(WebUtility.HtmlEncode(PasswordStrength.TooWeak), html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.Password\"", html, StringComparison.Ordinal);
        Assert.Contains("Your password has been changed", await (await ResetAsync(App.Browser(), link)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
