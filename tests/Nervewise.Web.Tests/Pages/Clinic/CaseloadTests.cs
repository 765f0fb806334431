using System.Net;
using System.Text.RegularExpressions;
using Nervewise.Data;
using Nervewise.Domain.Safety;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed class CaseloadTestsOnSqlite() : CaseloadTests(DatabaseProvider.Sqlite);

public sealed class CaseloadTestsOnPostgres() : CaseloadTests(DatabaseProvider.Postgres);

public abstract partial class CaseloadTests(DatabaseProvider provider) : AppTest(provider)
{
    [Fact]
    public async Task Warning_signs_come_first_by_urgency_then_recent_flare_ups_then_everyone_else()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(clinician, "steady@example.com", Caseloads.Row(1, "pain", "buttock", 2));
        await App.ShareAsync(clinician, "flaring@example.com", Caseloads.Row(3, "flare", "calf", 7));
        // Newer than the one above it, and still below: urgency first, then recency.
        await App.ShareAsync(clinician, "urgent@example.com", Caseloads.Row(1, "symptom", "cancer-history"));
        await App.ShareAsync(clinician, "today@example.com", Caseloads.Row(5, "symptom", "foot-drop"));
        // Logged 60 days ago and never checked: it still ranks first.
        await App.ShareAsync(clinician, "emergency@example.com", Caseloads.Row(60, "symptom", "saddle-numbness"));
        await App.ShareAsync(clinician, "soon@example.com", Caseloads.Row(0.1, "symptom", "weakness"));
        await Database.NameAsync("emergency@example.com", "Emma Ernst");
        await Database.NameAsync("today@example.com", "Tom Oduya");

        var page = await clinician.GetStringAsync("/clinic");

        // People by the name they are shown by (tests register "urgent@…" as "Urgent"), never the email.
        Assert.Equal(["Emma Ernst", "Tom Oduya", "Urgent", "Soon", "Flaring", "Steady"], Caseloads.Order(page));
        Assert.DoesNotContain("@example.com", page[page.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var emergency = WebUtility.HtmlDecode(Caseloads.RowOf(page, "Emma Ernst"));
        Assert.Contains(">Emergency</span>", emergency, StringComparison.Ordinal);
        Assert.Contains("Numbness between your legs: around your genitals, bottom or inner thighs (logged in the diary on", emergency, StringComparison.Ordinal);
        Assert.Contains(">See a doctor today</span>", Caseloads.RowOf(page, "Tom Oduya"), StringComparison.Ordinal);
        Assert.Contains(">See a doctor within days</span>", Caseloads.RowOf(page, "Urgent"), StringComparison.Ordinal);
        Assert.Contains(">Book a check</span>", Caseloads.RowOf(page, "Soon"), StringComparison.Ordinal);
        Assert.Contains("1 flare-up in the last 14 days", page, StringComparison.Ordinal);
        Assert.Equal(6, SparklinePattern().Count(page));
        Assert.Equal(6, Regex.Count(page, "<td data-pathway=\"nerve\">Nerve pain pathway, settle")); // nobody has logged an exercise yet
        Assert.Equal(3, Regex.Count(page, @"<td data-pathway=""nerve"">Nerve pain pathway, settle \(exercises paused\)</td>")); // emergency, today and urgent
    }

    [Fact]
    public async Task A_checked_row_drops_an_old_sign_and_a_later_sign_raises_it_again()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        await App.ShareAsync(clinician, "flaring@example.com", Caseloads.Row(3, "flare", "calf", 7));
        var person = await App.ShareAsync(clinician, "checked@example.com",
            Caseloads.Row(60, "symptom", "bladder-bowel-change"), Caseloads.Row(2, "pain", "calf", 3));
        Assert.Equal("Checked", Caseloads.Order(await clinician.GetStringAsync("/clinic"))[0]);

        await person.LogAsync(new { id = Guid.NewGuid(), time = Caseloads.Time(DateTimeOffset.UtcNow.AddDays(-30)), type = "checked", item = "red-flags" });
        Assert.Equal(["Flaring", "Checked"], Caseloads.Order(await clinician.GetStringAsync("/clinic")));

        await person.LogAsync(Caseloads.Row(1, "symptom", "lowered-immunity"));
        var page = await clinician.GetStringAsync("/clinic");
        Assert.Equal(["Checked", "Flaring"], Caseloads.Order(page));
        Assert.Contains(">See a doctor within days</span>", Caseloads.RowOf(page, "Checked"), StringComparison.Ordinal);
        Assert.DoesNotContain(WarningSigns.Says("bladder-bowel-change")[1..], WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [GeneratedRegex("<svg class=\"sparkline\"")]
    private static partial Regex SparklinePattern();
}
