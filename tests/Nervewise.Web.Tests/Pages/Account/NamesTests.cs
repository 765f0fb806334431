using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class NamesTestsOnSqlite() : NamesTests(DatabaseProvider.Sqlite);

public sealed class NamesTestsOnPostgres() : NamesTests(DatabaseProvider.Postgres);

/// <summary>Issue 17: a person gives their name at registration (date of birth optional) and changes both later, on the page or the API.</summary>
public abstract class NamesTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Task<JsonElement> MeAsync(HttpClient client) => client.GetFromJsonAsync<JsonElement>("/api/v1/me");

    [Fact]
    public async Task Registration_without_a_name_is_refused_naming_the_field_and_makes_no_account()
    {
        var client = App.Browser();

        var refused = await client.PostRegisterAsync("nameless@example.com", name: "   ");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Your name is required.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = Database.OpenContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "nameless@example.com"));
    }

    [Theory]
    [InlineData("2999-01-01", "Date of birth cannot be in the future.")]
    [InlineData("1850-06-01", "Date of birth must be in 1900 or later.")]
    [InlineData("21/03/1984", "Date of birth must be a date such as 1984-03-21")]
    public async Task A_wrong_date_of_birth_is_refused_naming_the_field(string date, string message)
    {
        var client = App.Browser();

        var refused = await client.PostRegisterAsync("born@example.com", name: "Bo Rn", dateOfBirth: date);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = Database.OpenContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "born@example.com"));
    }

    [Fact]
    public async Task The_name_and_date_of_birth_given_at_registration_are_kept_and_returned_by_the_api()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com", name: "  Ada   King ", dateOfBirth: "1984-03-21");

        var me = await MeAsync(client);
        Assert.Equal("Ada King", me.GetProperty("displayName").GetString());
        Assert.Equal("1984-03-21", me.GetProperty("dateOfBirth").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("profession").ValueKind);
        var account = await client.GetStringAsync("/account");
        Assert.Contains("<dd data-account-name>Ada King</dd>", account, StringComparison.Ordinal);
        Assert.Contains("21 March 1984", account, StringComparison.Ordinal);
        Assert.DoesNotContain("Profession and clinic", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_changes_the_name_and_refuses_an_empty_one_keeping_the_old()
    {
        var client = App.Browser();
        await client.RegisterAsync("kai@example.com", name: "Kai");

        var refused = await client.SubmitAsync("/account?handler=Details", new Dictionary<string, string> { ["DisplayName"] = "", ["DateOfBirth"] = "1990-01-02" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Your name is required.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Kai", (await MeAsync(client)).GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, (await MeAsync(client)).GetProperty("dateOfBirth").ValueKind);

        var saved = await client.SubmitAsync("/account?handler=Details", new Dictionary<string, string> { ["DisplayName"] = "Kai Moana", ["DateOfBirth"] = "1990-01-02" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var me = await MeAsync(client);
        Assert.Equal("Kai Moana", me.GetProperty("displayName").GetString());
        Assert.Equal("1990-01-02", me.GetProperty("dateOfBirth").GetString());
        Assert.Contains("Your details are saved.", await client.GetStringAsync("/account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_me_changes_the_details_and_refuses_bad_ones_with_problem_details_changing_nothing()
    {
        var client = App.Browser();
        await client.RegisterAsync("api@example.com", name: "Api Person");

        using var refused = await client.PatchAsJsonAsync("/api/v1/me", new { displayName = "Good Name", dateOfBirth = "2999-01-01", profession = "Physio" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("Date of birth cannot be in the future.", errors.GetProperty("dateOfBirth")[0].GetString());
        Assert.Equal("Only a clinician's account has a profession line.", errors.GetProperty("profession")[0].GetString());
        Assert.Equal("Api Person", (await MeAsync(client)).GetProperty("displayName").GetString());

        using var saved = await client.PatchAsJsonAsync("/api/v1/me", new { displayName = "Api  Named", dateOfBirth = "1970-05-06" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var me = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Api Named", me.GetProperty("displayName").GetString());
        Assert.Equal("1970-05-06", me.GetProperty("dateOfBirth").GetString());

        using var cleared = await client.PatchAsJsonAsync("/api/v1/me", new { dateOfBirth = (string?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await MeAsync(client)).GetProperty("dateOfBirth").ValueKind);
        Assert.Equal("Api Named", (await MeAsync(client)).GetProperty("displayName").GetString());

        using var empty = await client.PatchAsJsonAsync("/api/v1/me", new { displayName = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Your name is required.", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("displayName")[0].GetString());
    }

    [Fact]
    public async Task A_clinician_sets_a_profession_line_that_the_people_who_share_see_instead_of_the_email()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "alex.kim@example.com");

        var saved = await record.Clinician.SubmitAsync("/account?handler=Details", new Dictionary<string, string>
        {
            ["DisplayName"] = "Alex Kim", ["Profession"] = "Physiotherapist, Leeds Sports Clinic", ["DateOfBirth"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var sharing = WebUtility.HtmlDecode(await record.Patient.GetStringAsync("/sharing"));
        Assert.Contains("<strong data-clinician>Alex Kim, Physiotherapist, Leeds Sports Clinic</strong>", sharing, StringComparison.Ordinal);
        Assert.Contains("Stop sharing with Alex Kim<", sharing, StringComparison.Ordinal);
        Assert.Contains("<footer class=\"muted\">Alex Kim, Physiotherapist, Leeds Sports Clinic, ", sharing, StringComparison.Ordinal);
        Assert.DoesNotContain("alex.kim@example.com", sharing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fhir_record_names_the_patient_and_gives_the_birth_date()
    {
        var client = App.Browser();
        await client.RegisterAsync("fhir@example.com", name: "Ada King", dateOfBirth: "1984-03-21");

        using var fhir = JsonDocument.Parse(await client.GetStringAsync("/diary/import/fhir"));

        var patient = fhir.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Single(r => r.GetProperty("resourceType").GetString() == "Patient");
        Assert.Equal("Ada King", patient.GetProperty("name")[0].GetProperty("text").GetString());
        Assert.Equal("1984-03-21", patient.GetProperty("birthDate").GetString());
    }

    [Fact]
    public async Task A_profession_line_over_the_limit_is_refused_naming_the_field()
    {
        var clinician = await ClinicianAsync("long@example.com");

        var refused = await clinician.SubmitAsync("/account?handler=Details", new Dictionary<string, string>
        {
            ["DisplayName"] = "Long Line", ["Profession"] = new string('p', 101),
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Profession and clinic must be at most 100 characters.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
