using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class TimeZoneTestsOnSqlite() : TimeZoneTests(DatabaseProvider.Sqlite);

public sealed class TimeZoneTestsOnPostgres() : TimeZoneTests(DatabaseProvider.Postgres);

/// <summary>A person's zone comes from the browser at registration, can be changed on the account page, and is in /api/v1/me.</summary>
public abstract class TimeZoneTests(DatabaseProvider provider) : AppTest(provider)
{
    private static async Task<string> ZoneAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        return me.GetProperty("timeZone").GetString()!;
    }

    [Fact]
    public async Task The_browsers_zone_is_kept_at_registration()
    {
        var client = App.Browser();
        await client.RegisterAsync("berlin@example.com", timeZone: "Europe/Berlin");

        Assert.Equal("Europe/Berlin", await ZoneAsync(client));
        Assert.Contains("Europe/Berlin", await client.GetStringAsync("/account"));
    }

    [Fact]
    public async Task An_unknown_or_missing_zone_at_registration_means_utc_until_one_is_chosen()
    {
        var client = App.Browser();
        await client.RegisterAsync("nowhere@example.com", timeZone: "Mars/Olympus_Mons");

        Assert.Equal("UTC", await ZoneAsync(client));
        Assert.Contains("Not chosen yet: times show in UTC", await client.GetStringAsync("/account"));
    }

    [Fact]
    public async Task The_account_page_changes_the_zone_and_refuses_an_unknown_one_by_name()
    {
        var client = App.Browser();
        await client.RegisterAsync("traveller@example.com", timeZone: "Europe/London");

        var refused = await client.SubmitAsync("/account?handler=TimeZone", new Dictionary<string, string> { ["TimeZone"] = "Europe/Atlantis" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose a time zone from the list", await refused.Content.ReadAsStringAsync());
        Assert.Equal("Europe/London", await ZoneAsync(client));

        var saved = await client.SubmitAsync("/account?handler=TimeZone", new Dictionary<string, string> { ["TimeZone"] = "Pacific/Auckland" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Pacific/Auckland", await ZoneAsync(client));
        Assert.Contains("Times now show in Pacific/Auckland.", await client.GetStringAsync("/account"));
    }
}
