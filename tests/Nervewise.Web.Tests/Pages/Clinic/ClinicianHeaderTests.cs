using System.Net;
using System.Text.RegularExpressions;
using Nervewise.Data;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed class ClinicianHeaderTestsOnSqlite() : ClinicianHeaderTests(DatabaseProvider.Sqlite);

public sealed class ClinicianHeaderTestsOnPostgres() : ClinicianHeaderTests(DatabaseProvider.Postgres);

/// <summary>A clinician's own header (caseload, the person being viewed, account) and no way into a person's pages.</summary>
public abstract partial class ClinicianHeaderTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly string[] PersonPages =
        ["/today", "/diary", "/diary/triggers", "/plan", "/assessment", "/checkin", "/report", "/sharing", "/welcome"];

    [Fact]
    public async Task A_clinician_sees_the_caseload_the_person_being_viewed_and_their_account_and_none_of_a_persons_pages()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var person = await App.ShareAsync(clinician, "pat@example.com", Caseloads.Row(1, "pain", "calf", 3));
        await Database.NameAsync("pat@example.com", "Pat Jones");
        var patientId = await Database.IdOfAsync("pat@example.com");

        var caseload = Header(await clinician.GetStringAsync("/clinic"));
        Assert.Contains("clinic-header", caseload, StringComparison.Ordinal);
        Assert.Contains(">Clinic</span>", caseload, StringComparison.Ordinal);
        Assert.Equal(["/clinic", "/clinic", "/account"], Links(caseload));
        Assert.Contains(">Sign out</button>", caseload, StringComparison.Ordinal);
        Assert.DoesNotContain("data-viewed-person", caseload, StringComparison.Ordinal);

        foreach (var page in new[] { $"/clinic/patients/{patientId}", $"/clinic/patients/{patientId}/report" })
        {
            var header = Header(await clinician.GetStringAsync(page));
            Assert.Equal(["/clinic", "/clinic", $"/clinic/patients/{patientId}", "/account"], Links(header));
            Assert.Matches($"<a href=\"/clinic/patients/{patientId}\" class=\"viewed-person\"[^>]*><span class=\"sr-only\">Record of </span>Pat Jones</a>", header);
        }

        // Nobody is named for an id that does not share with this clinician.
        var stranger = App.Browser();
        await stranger.RegisterAsync("stranger@example.com");
        var strangerId = await Database.IdOfAsync("stranger@example.com");
        var refused = await clinician.GetAsync($"/clinic/patients/{strangerId}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("data-viewed-person", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The person's own header is unchanged: their pages, no clinic band.
        var personHeader = Header(await person.GetStringAsync("/today"));
        Assert.DoesNotContain("clinic-header", personHeader, StringComparison.Ordinal);
        Assert.Contains("href=\"/diary\"", personHeader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_who_opens_a_persons_page_lands_on_the_caseload_which_says_why()
    {
        var clinician = await ClinicianAsync("physio@example.com");

        foreach (var page in PersonPages)
        {
            var response = await clinician.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(page == "/today" ? "/clinic" : "/clinic?from=person-page", response.Headers.Location?.OriginalString);
        }
        Assert.Equal("/clinic", (await clinician.GetAsync("/")).Headers.Location?.OriginalString);

        var told = await clinician.GetStringAsync("/clinic?from=person-page");
        Assert.Contains("That page belongs to a person's own record, so it is not part of a clinician's account.", told, StringComparison.Ordinal);
        Assert.DoesNotContain("That page belongs", await clinician.GetStringAsync("/clinic"), StringComparison.Ordinal);
        // The clinician's own pages and the API stay open.
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync("/lessons")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync("/api/v1/me")).StatusCode);
    }

    private static string Header(string page) =>
        page[page.IndexOf("<header", StringComparison.Ordinal)..(page.IndexOf("</header>", StringComparison.Ordinal) + 9)];

    private static List<string> Links(string header) => [.. LinkPattern().Matches(header).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<a [^>]*?href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
