using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>Until a one-time password is replaced, paths with a file extension are gated too; stylesheets still load.</summary>
public sealed class OneTimePasswordGateTests() : AppTest(DatabaseProvider.Sqlite)
{
    private const string Password = "one-time-pass-1234";

    [Fact]
    public async Task The_calendar_file_is_gated_and_the_stylesheet_is_not()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
            var user = new NervewiseUser
            {
                UserName = "pat@example.com", Email = "pat@example.com", EmailConfirmed = true,
                MustChangePassword = true, CreatedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Patient)).Succeeded);
        }
        var client = App.Browser();
        using var signedIn = await client.SignInAsync("pat@example.com", Password);
        Assert.Equal("/account/change-password?first=true", signedIn.Headers.Location?.OriginalString);

        using var calendar = await client.GetAsync("/plan/calendar.ics");
        using var css = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.Redirect, calendar.StatusCode);
        Assert.Equal("/account/change-password?first=true", calendar.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEmpty(await css.Content.ReadAsByteArrayAsync());
    }
}
