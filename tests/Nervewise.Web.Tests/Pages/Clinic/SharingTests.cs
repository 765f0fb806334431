using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Pages.Clinic;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public abstract partial class SharingTests(DatabaseProvider provider) : AppTest(provider)
{
    private static async Task<string> InviteAsync(HttpClient patient, string clinicianEmail = "")
    {
        var response = await patient.SubmitAsync("/sharing?handler=Invite", new Dictionary<string, string> { ["ClinicianEmail"] = clinicianEmail });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await patient.GetStringAsync("/sharing");
        return CodePattern().Match(page).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient clinician, string code) =>
        clinician.SubmitAsync("/clinic?handler=Accept", new Dictionary<string, string> { ["Code"] = code });

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = Database.OpenContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_person_shares_the_clinician_reads_it_is_logged_and_revoking_ends_it()
    {
        var patient = App.Browser();
        await patient.RegisterAsync("pat@example.com");
        var clinician = await ClinicianAsync("physio@example.com");

        var code = await InviteAsync(patient);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(clinician, code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))).StatusCode);

        var caseload = await clinician.GetStringAsync("/clinic");
        // The caseload names the person by their name (issue 17), never their email.
        Assert.Equal(["Pat"], Caseloads.Order(caseload));
        Assert.DoesNotContain("pat@example.com", caseload, StringComparison.Ordinal);
        var id = await IdOfAsync("pat@example.com");
        using (var record = await clinician.GetAsync($"/clinic/patients/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        }

        // The person sees the clinician by name (issue 17); the email only where they typed it to invite.
        var sharing = await patient.GetStringAsync("/sharing");
        Assert.Contains("<strong data-clinician>Physio</strong>", sharing, StringComparison.Ordinal);
        Assert.Matches(@"<td>[^<]+UTC</td><td>Physio</td><td>record</td>", sharing);

        await using (var db = Database.OpenContext())
        {
            var share = await db.Shares.SingleAsync();
            var revoke = await patient.SubmitAsync($"/sharing?handler=RevokeShare&id={share.Id}", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }
        using (var after = await clinician.GetAsync($"/clinic/patients/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }
        Assert.DoesNotContain("pat@example.com", await clinician.GetStringAsync("/clinic"), StringComparison.Ordinal);
        await using (var db = Database.OpenContext())
        {
            Assert.Equal(1, await db.RecordAccessLog.CountAsync()); // the refused read was not logged
        }
    }

    [Fact]
    public async Task Wrong_used_expired_cancelled_and_misaddressed_codes_get_one_answer_and_change_nothing()
    {
        var patient = App.Browser();
        await patient.RegisterAsync("pat@example.com");
        var first = await ClinicianAsync("first@example.com");
        var second = await ClinicianAsync("second@example.com");
        var answers = new List<string>();

        async Task Refused(HttpClient clinician, string code)
        {
            using var response = await AcceptAsync(clinician, code);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(IndexModel.CodeDidNotWork, page, StringComparison.Ordinal);
            // The reason is never named: trying codes must not tell which exist, were used or were cancelled.
            foreach (var telling in new[] { "already been used", "expired", "cancelled", "another clinician", "no invite has" })
            {
                Assert.DoesNotContain(telling, page, StringComparison.OrdinalIgnoreCase);
            }
            answers.Add(ErrorPattern().Match(page).Value);
        }

        await Refused(first, "ZZZZ-ZZZZ");

        var used = await InviteAsync(patient);
        await AcceptAsync(first, used);
        await Refused(second, used);

        var expired = await InviteAsync(patient);
        await using (var db = Database.OpenContext())
        {
            var newest = await db.ShareInvites.Where(i => i.UsedAt == null).SingleAsync();
            newest.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        await Refused(second, expired);

        var cancelled = await InviteAsync(patient);
        await using (var db = Database.OpenContext())
        {
            var open = (await db.ShareInvites.ToListAsync()).Single(i => i.UsedAt == null && i.ExpiresAt > DateTimeOffset.UtcNow);
            await patient.SubmitAsync($"/sharing?handler=RevokeInvite&id={open.Id}", new Dictionary<string, string>());
        }
        await Refused(second, cancelled);

        var addressed = await InviteAsync(patient, "first@example.com");
        await Refused(second, addressed);

        Assert.Single(answers.Distinct()); // word for word the same answer, field error and all
        // The person who made the codes sees what happened to each.
        var closed = ClosedPattern().Match(WebUtility.HtmlDecode(await patient.GetStringAsync("/sharing"))).Value;
        Assert.Contains(": used on ", closed, StringComparison.Ordinal);
        Assert.Contains(": expired on ", closed, StringComparison.Ordinal);
        Assert.Contains(": cancelled on ", closed, StringComparison.Ordinal);
        await using (var check = Database.OpenContext())
        {
            var share = Assert.Single(await check.Shares.ToListAsync());
            Assert.Equal(await IdOfAsync("first@example.com"), share.ClinicianId);
        }
        Assert.DoesNotContain("pat@example.com", await second.GetStringAsync("/clinic"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_ten_tries_in_a_quarter_hour_a_clinician_gets_429_even_with_a_good_code()
    {
        var patient = App.Browser();
        await patient.RegisterAsync("pat@example.com");
        var clinician = await ClinicianAsync("physio@example.com");
        // The test app allows many tries (NervewiseApp); the settings object is read once, at the first try.
        App.Services.GetRequiredService<IOptions<AccountRateLimitSettings>>().Value.InviteAttempts = 10;
        var good = await InviteAsync(patient);

        for (var i = 0; i < 10; i++)
        {
            using var wrong = await AcceptAsync(clinician, $"ZZZZ-ZZZ{"ABCDEFGHJK"[i]}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var refused = await AcceptAsync(clinician, good);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(refused.Headers.RetryAfter?.Delta <= TimeSpan.FromMinutes(15));
        Assert.Contains("Too many tries", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Database.OpenContext();
        Assert.Empty(await db.Shares.ToListAsync());
        Assert.Null((await db.ShareInvites.SingleAsync()).UsedAt);
    }

    [Fact]
    public async Task A_person_cannot_open_the_clinic_and_a_clinician_without_a_share_finds_nothing()
    {
        var patient = App.Browser();
        await patient.RegisterAsync("pat@example.com");
        var stranger = await ClinicianAsync("stranger@example.com");
        var id = await IdOfAsync("pat@example.com");

        using (var clinic = await patient.GetAsync("/clinic"))
        {
            Assert.NotEqual(HttpStatusCode.OK, clinic.StatusCode);
        }
        using (var record = await stranger.GetAsync($"/clinic/patients/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        }
        using (var note = await stranger.PostAsync($"/clinic/patients/{id}?handler=Note", new FormUrlEncodedContent(new Dictionary<string, string> { ["Note"] = "hello" })))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, note.StatusCode);
        }
        await using var db = Database.OpenContext();
        Assert.Empty(await db.ClinicianNotes.ToListAsync());
        Assert.Empty(await db.RecordAccessLog.ToListAsync());
    }

    [GeneratedRegex("data-invite-code>([A-Z2-9-]+)<")]
    private static partial Regex CodePattern();

    [GeneratedRegex("<span[^>]*id=\"code-error\"[^>]*>.*?</span>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("<ul class=\"share-list\" data-closed-invites>.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex ClosedPattern();
}

public sealed class SharingOnSqlite() : SharingTests(DatabaseProvider.Sqlite);

public sealed class SharingOnPostgres() : SharingTests(DatabaseProvider.Postgres);
