using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>One address can only try so many passwords, and make so many accounts, before it must wait.</summary>
public sealed class RateLimitTests() : AppTest(DatabaseProvider.Sqlite)
{
    private WebApplicationFactory<Program> Limited(int signIns, int registrations) => App.WithWebHostBuilder(builder => builder
        .UseSetting("RateLimits:SignInAttempts", signIns.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("RateLimits:Registrations", registrations.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_a_plain_page_and_a_retry_time()
    {
        var app = Limited(signIns: 3, registrations: 10);
        await app.Browser().RegisterAsync("ada@example.com");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await app.Browser().SignInAsync("ada@example.com", $"wrong password {i}");
            statuses.Add(attempt.StatusCode);
        }
        using var refused = await app.Browser().SignInAsync("ada@example.com");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s)); // the form again, with its message
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many tries", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reading the form is never limited.
        using var form = await app.Browser().GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task Registrations_beyond_the_limit_get_429_and_make_no_account()
    {
        var app = Limited(signIns: 10, registrations: 2);

        using var first = await app.Browser().RegisterAsync("one@example.com");
        using var second = await app.Browser().RegisterAsync("two@example.com");
        using var third = await app.Browser().RegisterAsync("three@example.com");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        await using var db = Database.OpenContext();
        Assert.Equal(2, db.Users.Count());
    }

    [Fact]
    public async Task Forgotten_password_requests_beyond_the_limit_get_429_and_send_no_more_mail()
    {
        var app = App.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:EmailRequests", "2"));
        await app.Browser().RegisterAsync("ada@example.com"); // one confirmation post
        var mailbox = NervewiseApp.Of(app.Browser()).Mailbox;
        var before = mailbox.To("ada@example.com").Count;

        using var first = await app.Browser().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "ada@example.com" });
        using var refused = await app.Browser().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "ada@example.com" });

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await mailbox.NewestToAsync("ada@example.com", before + 1);
        await Task.Delay(500);
        Assert.Equal(before + 1, mailbox.To("ada@example.com").Count);
    }

    [Fact]
    public async Task The_second_sign_in_step_shares_the_sign_in_limit()
    {
        var app = Limited(signIns: 2, registrations: 10);
        for (var i = 0; i < 2; i++)
        {
            using var attempt = await app.Browser().SubmitAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "not a password at all",
            });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, attempt.StatusCode);
        }
        using var code = await app.Browser().PostAsync("/account/sign-in/code", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Code"] = "123456" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, code.StatusCode);
    }

    [Fact]
    public async Task Other_posts_are_not_limited()
    {
        var app = Limited(signIns: 1, registrations: 1);
        var client = app.Browser();
        await client.RegisterAsync("ada@example.com");

        for (var i = 0; i < 5; i++)
        {
            using var entry = await client.SubmitAsync("/diary/activity", new Dictionary<string, string> { ["Item"] = "sitting" });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, entry.StatusCode);
        }
    }
}
