using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages;

public sealed class ReaderZoneTestsOnSqlite() : ReaderZoneTests(DatabaseProvider.Sqlite);

public sealed class ReaderZoneTestsOnPostgres() : ReaderZoneTests(DatabaseProvider.Postgres);

/// <summary>
/// Every date the product shows is the reader's own: just after midnight in Auckland it is already Saturday there
/// while UTC still says Friday. Diary rows keep their stored offset; only the display converts.
/// </summary>
public abstract class ReaderZoneTests(DatabaseProvider provider) : AppTest(provider)
{
    // Friday 27 November 2026, 11:30 UTC: Saturday 28 November, 00:30 in Auckland (NZDT, +13).
    private static readonly DateTimeOffset FridayUtc = new(2026, 11, 27, 11, 30, 0, TimeSpan.Zero);

    private async Task<HttpClient> AucklanderAsync(string email)
    {
        var client = App.OnClock(new FakeTimeProvider(FridayUtc)).Browser();
        await client.RegisterAsync(email, timeZone: "Pacific/Auckland");
        return client;
    }

    [Fact]
    public async Task Today_the_diary_and_the_timeline_use_the_readers_date_not_utcs()
    {
        var client = await AucklanderAsync("kiri@example.com");
        // Stored with a UTC offset, as an imported row might be: 00:10 on Saturday in Auckland.
        using (var posted = await client.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = "2026-11-27T11:10:00+00:00", type = "pain", item = "posterior-thigh", value = 6,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }
        using (var flare = await client.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = "2026-11-27T11:15:00+00:00", type = "flare", item = "calf", value = 7,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, flare.StatusCode);
        }

        var today = await client.GetStringAsync("/today");
        var diary = await client.GetStringAsync("/diary");
        var saturday = await client.GetStringAsync("/diary?day=2026-11-28");
        var friday = await client.GetStringAsync("/diary?day=2026-11-27");
        var timeline = await client.GetStringAsync("/diary/timeline?weeks=2");

        Assert.Contains("Saturday 28 November", today, StringComparison.Ordinal);
        Assert.DoesNotContain("Friday 27 November", today, StringComparison.Ordinal);
        Assert.Contains("Saturday 28 November 2026", diary, StringComparison.Ordinal);
        Assert.Contains("<span class=\"when\">00:10</span>", diary, StringComparison.Ordinal);
        Assert.Contains("<span class=\"when\">00:10</span>", saturday, StringComparison.Ordinal);
        Assert.Contains("Nothing logged on this day.", friday, StringComparison.Ordinal);
        // The flare-up is marked on Saturday, the reader's day, not on UTC's Friday.
        Assert.Contains("<title>28 Nov: 1 flare-up(s)</title>", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assessment_history_report_and_download_are_dated_in_the_readers_zone()
    {
        var client = await AucklanderAsync("moana@example.com");
        using (var assessed = await client.PostAsJsonAsync("/api/v1/assessments", new Dictionary<string, object> { ["pins-and-needles"] = true }))
        {
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }
        using (var again = await client.PostAsJsonAsync("/api/v1/assessments", new Dictionary<string, object> { ["pins-and-needles"] = false }))
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }

        var history = await client.GetStringAsync("/assessment");
        var report = await client.GetStringAsync("/report");
        using var zip = await client.GetAsync("/account/data/download");

        Assert.DoesNotContain("times in UTC", history, StringComparison.Ordinal);
        Assert.Contains("28 Nov <span class=\"history-time\">00:30</span>", history, StringComparison.Ordinal);
        Assert.Contains("Made 28 November 2026, covering", report, StringComparison.Ordinal); // issue 17: the period follows
        Assert.Equal("nervewise-2026-11-28.zip", zip.Content.Headers.ContentDisposition!.FileNameStar ?? zip.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task Clinician_notes_the_caseload_and_the_access_log_are_in_each_readers_own_zone()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "tui@example.com", "physio-zone@example.com");
        // 11:00 UTC on the 21st is 01:00 on the 22nd at UTC+14 (Kiritimati).
        using (var entry = await record.Patient.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = "2026-11-21T11:00:00+00:00", type = "pain", item = "posterior-thigh", value = 3,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, entry.StatusCode);
        }
        foreach (var client in new[] { record.Patient, record.Clinician })
        {
            var saved = await client.SubmitAsync("/account?handler=TimeZone", new Dictionary<string, string> { ["TimeZone"] = "Pacific/Kiritimati" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var before = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(14));

        var patientPage = await record.Clinician.GetStringAsync($"/clinic/patients/{record.PatientId}");
        var caseload = await record.Clinician.GetStringAsync("/clinic");
        var sharing = await record.Patient.GetStringAsync("/sharing");
        var after = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(14));

        static string Stamp(DateTimeOffset at) => at.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(" UTC", patientPage, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC", sharing, StringComparison.Ordinal);
        // The note was written moments ago: its stamp is the clinician's wall clock at UTC+14 (allow for a minute turning).
        Assert.True(patientPage.Contains(Stamp(before), StringComparison.Ordinal) || patientPage.Contains(Stamp(after), StringComparison.Ordinal)
            || patientPage.Contains(Stamp(before.AddMinutes(-1)), StringComparison.Ordinal), "The note's time is not in the clinician's zone.");
        Assert.Contains("<td>22 Nov 2026</td>", caseload, StringComparison.Ordinal);
        Assert.True(sharing.Contains(before.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            || sharing.Contains(after.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_with_no_zone_is_offered_the_devices_in_one_tap()
    {
        var client = App.Browser();
        await client.RegisterAsync("nozone@example.com");

        var offered = await client.GetStringAsync("/today");
        var unknown = await client.SubmitAsync("/today", new Dictionary<string, string> { ["zone"] = "Mars/Olympus_Mons" }, "/today?handler=Zone");
        var taken = await client.SubmitAsync("/today", new Dictionary<string, string> { ["zone"] = "Europe/Berlin" }, "/today?handler=Zone");
        var after = await client.GetStringAsync("/today");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Contains("Times show in UTC: use this device's zone (<span data-device-zone-text>", offered, StringComparison.Ordinal);
        Assert.Equal("/account", unknown.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal("Europe/Berlin", me.GetProperty("timeZone").GetString());
        Assert.Contains("Times now show in Europe/Berlin.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Times show in UTC", after, StringComparison.Ordinal);
    }
}
