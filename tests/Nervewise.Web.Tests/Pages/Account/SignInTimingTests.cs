using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;
using Nervewise.Web.Pages.Account;
using Nervewise.Web.Tests.Support;
using Xunit.Abstractions;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class SignInTimingTestsOnSqlite(ITestOutputHelper output) : SignInTimingTests(DatabaseProvider.Sqlite, output);

public sealed class SignInTimingTestsOnPostgres(ITestOutputHelper output) : SignInTimingTests(DatabaseProvider.Postgres, output);

/// <summary>
/// Sign-in must not tell a stranger which emails have accounts, by its words or by its time. Hashing a password
/// takes far longer than anything else in a sign-in, so each way is measured as the median of a handful of tries,
/// interleaved, and compared with a generous bound that a loaded machine still meets.
/// </summary>
public abstract class SignInTimingTests(DatabaseProvider provider, ITestOutputHelper output) : AppTest(provider)
{
    private const int Tries = 7;

    private static async Task MakeAsync(WebApplicationFactory<Program> app, string email, bool confirmed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
        var user = new NervewiseUser { UserName = email, Email = email, EmailConfirmed = confirmed, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Forms.GoodPassword)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Patient);
    }

    private static async Task<(double Milliseconds, string Html)> TimeAsync(HttpClient client, string email)
    {
        var page = await client.GetAsync("/account/sign-in");
        var token = Forms.Token(await page.Content.ReadAsStringAsync());
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "not the password at all", ["__RequestVerificationToken"] = token,
        });
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/account/sign-in", form);
        var html = await response.Content.ReadAsStringAsync();
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (watch.Elapsed.TotalMilliseconds, html);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    [Fact]
    public async Task Unknown_emails_locked_and_unconfirmed_accounts_take_at_least_half_the_median_time_of_a_wrong_password_with_the_same_words()
    {
        // Email confirmation on, as the app will require it, so the "not allowed" answer can be measured too.
        // The app's real password hash (other tests use a cheaper one): its cost is what an unknown email must match.
        var app = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.Configure<IdentityOptions>(options => options.SignIn.RequireConfirmedEmail = true);
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = new PasswordHasherOptions().IterationCount);
        }));
        await MakeAsync(app, "known@example.com", confirmed: true);
        await MakeAsync(app, "locked@example.com", confirmed: true);
        await MakeAsync(app, "unconfirmed@example.com", confirmed: false);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@example.com"))!, DateTimeOffset.UtcNow.AddHours(1));
        }
        var client = app.Browser();
        var times = new Dictionary<string, List<double>> { ["known"] = [], ["unknown"] = [], ["locked"] = [], ["unconfirmed"] = [] };

        await TimeAsync(client, "warm-up@example.com");
        for (var i = 0; i < Tries; i++)
        {
            foreach (var (name, list) in times)
            {
                var (ms, html) = await TimeAsync(client, name == "unknown" ? $"nobody-{i}@example.com" : $"{name}@example.com");
                list.Add(ms);
                if (name is "known" or "unknown" or "locked")
                {
                    Assert.Contains(SignInModel.WrongPassword, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
                }
            }
            // Wrong passwords would lock the known account after five: keep it on the wrong-password path.
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
            await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync("known@example.com"))!);
        }

        var known = Median(times["known"]);
        foreach (var (name, list) in times)
        {
            output.WriteLine($"{name}: median {Median(list):F1} ms ({string.Join(", ", list.Select(ms => ms.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))})");
        }
        Assert.True(Median(times["unknown"]) >= known * 0.5, $"Unknown email: {Median(times["unknown"]):F1} ms against {known:F1} ms for a wrong password.");
        Assert.True(Median(times["locked"]) >= known * 0.5, $"Locked account: {Median(times["locked"]):F1} ms against {known:F1} ms for a wrong password.");
        Assert.True(Median(times["unconfirmed"]) >= known * 0.5, $"Unconfirmed account: {Median(times["unconfirmed"]):F1} ms against {known:F1} ms.");
    }
}
