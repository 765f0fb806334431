using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class InputRulesTestsOnSqlite() : InputRulesTests(DatabaseProvider.Sqlite);

public sealed class InputRulesTestsOnPostgres() : InputRulesTests(DatabaseProvider.Postgres);

/// <summary>Passwords a guesser would try early, passwords too long, and addresses that are not addresses are refused, kindly.</summary>
public abstract class InputRulesTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<int> AccountsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>().Users.Count();
    }

    [Theory]
    [InlineData("password12", PasswordStrength.TooWeak)]
    [InlineData("1234567890", PasswordStrength.TooWeak)]
    [InlineData("qwertyuiop", PasswordStrength.TooWeak)]
    [InlineData("ada@example.com", PasswordStrength.IsEmail)]
    [InlineData("ADA@EXAMPLE.COM", PasswordStrength.IsEmail)]
    [InlineData("ada@example.com1", PasswordStrength.TooWeak)]
    public async Task A_guessable_password_is_refused_with_a_kind_message_on_the_password_field(string password, string message)
    {
        var response = await App.Browser().PostRegisterAsync("ada@example.com", password);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-valmsg-for=\"Input.Password\" data-valmsg-replace=\"true\">{WebUtility.HtmlEncode(message)}", html, StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync());
        Assert.Empty(App.Mailbox.To("ada@example.com"));
    }

    [Fact]
    public async Task A_password_over_128_characters_is_told_the_most_not_the_least()
    {
        var response = await App.Browser().PostRegisterAsync("ada@example.com", new string('x', 60) + " correct horse battery " + new string('y', 60));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Use at most 128 characters.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Use at least", html, StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync());
    }

    [Fact]
    public async Task A_strong_password_of_exactly_128_characters_is_accepted()
    {
        var password = string.Concat(Enumerable.Repeat("maple otter ", 11)) + "kite lamp";
        Assert.Equal(AccountRules.MaximumPasswordLength, password[..128].Length);

        var response = await App.Browser().RegisterAsync("ada@example.com", password[..128]);

        Assert.Equal("/welcome", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_weak_password_is_refused_alike_for_a_known_email()
    {
        await App.Browser().RegisterAsync("ada@example.com");

        var response = await App.Browser().PostRegisterAsync("ada@example.com", "password12");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(PasswordStrength.TooWeak), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(App.Mailbox.To("ada@example.com"));
    }

    [Fact]
    public async Task Changing_to_a_weak_or_too_long_password_is_refused_with_the_same_messages()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        async Task<string> ChangeAsync(string password) => await (await client.SubmitAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Forms.GoodPassword,
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        })).Content.ReadAsStringAsync();

        Assert.Contains(WebUtility.HtmlEncode(PasswordStrength.TooWeak), await ChangeAsync("1234567890"), StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(PasswordStrength.IsEmail), await ChangeAsync("Ada@Example.com"), StringComparison.Ordinal);
        var tooLong = await ChangeAsync(string.Concat(Enumerable.Repeat("maple otter kite ", 8))[..129]);
        Assert.True(tooLong.Contains("Use at most 128 characters.", StringComparison.Ordinal), tooLong);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().SignInAsync("ada@example.com")).StatusCode);
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("<svg onload=alert(1)>@x.example")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@exa mple.com")]
    [InlineData("\"ada\"@example.com")]
    [InlineData("ada@@example.com")]
    [InlineData("ada@example..com")]
    [InlineData("ada@-example.com")]
    [InlineData(".ada@example.com")]
    public async Task An_address_that_is_not_one_is_refused_on_the_email_field(string email)
    {
        var response = await App.Browser().PostRegisterAsync(email);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-valmsg-for=\"Input.Email\" data-valmsg-replace=\"true\">{WebUtility.HtmlEncode(EmailRule.Message)}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync());
    }

    [Fact]
    public async Task An_address_too_long_for_mail_is_refused()
    {
        var response = await App.Browser().PostRegisterAsync(new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".example");

        Assert.Contains(EmailRule.TooLong, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync());
    }

    [Fact]
    public async Task The_forgotten_password_page_refuses_an_address_that_is_not_one()
    {
        var response = await App.Browser().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "a@b" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(EmailRule.Message), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
