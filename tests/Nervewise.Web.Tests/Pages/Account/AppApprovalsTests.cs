using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class AppApprovalsTestsOnSqlite() : AppApprovalsTests(DatabaseProvider.Sqlite);

public sealed class AppApprovalsTestsOnPostgres() : AppApprovalsTests(DatabaseProvider.Postgres);

/// <summary>The account page's "Apps that can read your record": each approval in plain words, and "Stop access".</summary>
public abstract class AppApprovalsTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<AppApproval> ApproveAsync(string email, string appName, params string[] scopes)
    {
        await using var db = Database.OpenContext();
        var userId = db.Users.Single(u => u.Email == email).Id;
        return await AppApproval.GiveAsync(App.Services, userId, appName, scopes);
    }

    private async Task<(string? Approval, string? Token)> StatusesAsync(AppApproval approved)
    {
        using var scope = App.Services.CreateScope();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        return (await authorizations.GetStatusAsync((await authorizations.FindByIdAsync(approved.AuthorizationId))!),
            await tokens.GetStatusAsync((await tokens.FindByIdAsync(approved.TokenId))!));
    }

    [Fact]
    public async Task With_no_approvals_the_section_says_so()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com", timeZone: "Europe/London");

        var page = await client.GetStringAsync("/account");

        Assert.Contains("Apps that can read your record", page, StringComparison.Ordinal);
        Assert.Contains("data-no-apps", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_shows_the_app_when_and_what_it_reads_in_plain_words()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com", timeZone: "Europe/London");
        await ApproveAsync("ada@example.com", "Pain Tracker", "openid", "fhirUser", "patient/*.rs", "offline_access");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account"));

        Assert.DoesNotContain("data-no-apps", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Pain Tracker</strong>, allowed 20 Nov 2026, 09:30", page, StringComparison.Ordinal);
        Assert.Contains("Your whole record: your details, diary, assessments, plan and warning signs", page, StringComparison.Ordinal);
        Assert.Contains("until you stop it here", page, StringComparison.Ordinal);
        Assert.Contains("Stop access for Pain Tracker", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_access_revokes_the_approval_and_its_tokens_and_leaves_other_apps()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        var tracker = await ApproveAsync("ada@example.com", "Pain Tracker", "patient/*.rs");
        var clinic = await ApproveAsync("ada@example.com", "Clinic Portal", "patient/Observation.rs");

        var stopped = await client.SubmitAsync($"/account?handler=StopApp&id={Uri.EscapeDataString(tracker.AuthorizationId)}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal((Statuses.Revoked, Statuses.Revoked), await StatusesAsync(tracker));
        Assert.Equal((Statuses.Valid, Statuses.Valid), await StatusesAsync(clinic));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account"));
        Assert.Contains("That app can no longer read your record.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pain Tracker", page, StringComparison.Ordinal);
        Assert.Contains("Clinic Portal", page, StringComparison.Ordinal);
        Assert.Contains("Your diary: pain, flare-ups", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_stop_or_see_another_persons_approval()
    {
        var ada = App.Browser();
        await ada.RegisterAsync("ada@example.com");
        var adas = await ApproveAsync("ada@example.com", "Pain Tracker", "patient/*.rs");
        var ben = App.Browser();
        await ben.RegisterAsync("ben@example.com");

        Assert.DoesNotContain("Pain Tracker", await ben.GetStringAsync("/account"), StringComparison.Ordinal);
        var tried = await ben.SubmitAsync($"/account?handler=StopApp&id={Uri.EscapeDataString(adas.AuthorizationId)}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, tried.StatusCode);
        Assert.Equal((Statuses.Valid, Statuses.Valid), await StatusesAsync(adas));
        Assert.Contains("That app's access had already stopped.", WebUtility.HtmlDecode(await ben.GetStringAsync("/account")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinicians_approval_says_it_reads_the_people_who_share_with_them()
    {
        var client = await ClinicianAsync("physio@example.com");
        await ApproveAsync("physio@example.com", "Clinic EHR", "user/*.rs", "openid");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account"));

        Assert.Contains("Apps that can read records for you", page, StringComparison.Ordinal);
        Assert.Contains("The records of the people who share with you", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_account_forgets_its_approvals_and_tokens()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        var approved = await ApproveAsync("ada@example.com", "Pain Tracker", "patient/*.rs", "offline_access");

        var deleted = await client.SubmitAsync("/account/delete", new Dictionary<string, string>
        {
            ["Input.Password"] = Forms.GoodPassword,
            ["Input.Understood"] = "true",
        });

        Assert.Equal("/account/deleted", deleted.Headers.Location?.OriginalString);
        using var scope = App.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().FindByIdAsync(approved.AuthorizationId));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().FindByIdAsync(approved.TokenId));
    }
}
