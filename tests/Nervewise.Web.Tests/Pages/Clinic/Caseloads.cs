using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

/// <summary>People who log a diary and share it with a clinician, for the clinic's tests.</summary>
public static partial class Caseloads
{
    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A diary row for the API, <paramref name="daysAgo"/> days before now.</summary>
    public static object Row(double daysAgo, string type, string item, decimal? value = 1) =>
        new { id = Guid.NewGuid(), time = Time(DateTimeOffset.UtcNow.AddDays(-daysAgo)), type, item, value };

    public static async Task LogAsync(this HttpClient person, params object[] entries)
    {
        foreach (var entry in entries)
        {
            using var created = await person.PostAsJsonAsync("/api/v1/diary", entry);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }

    /// <summary>Registers a person, logs their entries and shares the record with the clinician through an invite code.</summary>
    public static async Task<HttpClient> ShareAsync(this NervewiseApp app, HttpClient clinician, string email, params object[] entries)
    {
        var person = app.Browser();
        await person.RegisterAsync(email);
        await person.LogAsync(entries);
        await person.SubmitAsync("/sharing?handler=Invite", new Dictionary<string, string> { ["ClinicianEmail"] = "" });
        var code = CodePattern().Match(await person.GetStringAsync("/sharing")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.SubmitAsync("/clinic?handler=Accept", new Dictionary<string, string> { ["Code"] = code })).StatusCode);
        return person;
    }

    public static async Task<string> IdOfAsync(this TestDatabase database, string email)
    {
        await using var db = database.OpenContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Gives an account the name it is shown by, as the account page would.</summary>
    public static async Task NameAsync(this TestDatabase database, string email, string name)
    {
        await using var db = database.OpenContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.DisplayName = name;
        await db.SaveChangesAsync();
    }

    /// <summary>The people of the caseload page (their names), top to bottom.</summary>
    public static List<string> Order(string caseload) => [.. RowPattern().Matches(caseload).Select(m => m.Groups[1].Value)];

    /// <summary>The caseload row of one person, by the name the page shows, as HTML.</summary>
    public static string RowOf(string caseload, string name) =>
        Regex.Match(caseload, $"<tr>\\s*<th scope=\"row\"><a href=\"[^\"]+\">{Regex.Escape(name)}</a>.*?</tr>", RegexOptions.Singleline).Value;

    [GeneratedRegex("data-invite-code>([A-Z2-9-]+)<")]
    private static partial Regex CodePattern();

    [GeneratedRegex("<th scope=\"row\"><a href=\"/clinic/patients/[^\"]+\">([^<]+)</a>")]
    private static partial Regex RowPattern();
}
