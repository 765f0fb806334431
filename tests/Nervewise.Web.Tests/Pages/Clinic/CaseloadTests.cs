using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Nervewise.Data;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed partial class CaseloadTests() : AppTest(DatabaseProvider.Sqlite)
{
    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private async Task ShareAsync(string email, HttpClient clinician, params object[] entries)
    {
        var person = App.Browser();
        await person.RegisterAsync(email);
        foreach (var entry in entries)
        {
            using var created = await person.PostAsJsonAsync("/api/v1/diary", entry);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await person.SubmitAsync("/sharing?handler=Invite", new Dictionary<string, string> { ["ClinicianEmail"] = "" });
        var code = CodePattern().Match(await person.GetStringAsync("/sharing")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.SubmitAsync("/clinic?handler=Accept", new Dictionary<string, string> { ["Code"] = code })).StatusCode);
    }

    [Fact]
    public async Task Warning_signs_come_first_then_recent_flare_ups_then_everyone_else()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        var now = DateTimeOffset.UtcNow;
        await ShareAsync("steady@example.com", clinician,
            new { id = Guid.NewGuid(), time = Time(now.AddDays(-1)), type = "pain", item = "buttock", value = 2 });
        await ShareAsync("flaring@example.com", clinician,
            new { id = Guid.NewGuid(), time = Time(now.AddDays(-3)), type = "flare", item = "calf", value = 7 });
        await ShareAsync("warning@example.com", clinician,
            new { id = Guid.NewGuid(), time = Time(now.AddDays(-10)), type = "symptom", item = "saddle-numbness", value = 1 });

        var page = await clinician.GetStringAsync("/clinic");

        var order = RowPattern().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["warning@example.com", "flaring@example.com", "steady@example.com"], order);
        Assert.Contains("Warning sign logged: saddle numbness", page, StringComparison.Ordinal);
        Assert.Contains("1 flare-up in the last 14 days", page, StringComparison.Ordinal);
        Assert.Equal(3, SparklinePattern().Count(page));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(page, "<td>Settle</td>")); // nobody has logged an exercise yet
    }

    [GeneratedRegex("data-invite-code>([A-Z2-9-]+)<")]
    private static partial Regex CodePattern();

    [GeneratedRegex("<th scope=\"row\"><a href=\"/clinic/patients/[^\"]+\">([^<]+)</a>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<svg class=\"sparkline\"")]
    private static partial Regex SparklinePattern();
}
