using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class CheckedEntryTestsOnSqlite() : CheckedEntryTests(DatabaseProvider.Sqlite);

public sealed class CheckedEntryTestsOnPostgres() : CheckedEntryTests(DatabaseProvider.Postgres);

/// <summary>The <c>checked</c> diary row that /safety/check writes: shown plainly wherever entries are listed or edited.</summary>
public abstract class CheckedEntryTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Described = "A professional checked the warning signs";

    private readonly FakeTimeProvider _clock = Clock(3, 9);

    private async Task<HttpClient> CheckedAsync()
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync("ada@example.com");
        await client.PostAsync(At(2, 20), "symptom", "saddle-numbness", 3);
        await client.PostAsync(At(2, 21), "pain", "calf", 5);
        var recorded = await client.SubmitAsync("/safety/check", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<Data.Diary.DiaryEntryRecord> RowAsync()
    {
        await using var db = Database.OpenContext();
        return await db.DiaryEntries.SingleAsync(e => e.Type == "checked");
    }

    [Fact]
    public async Task The_list_the_day_and_the_timeline_show_the_check_with_who_recorded_it()
    {
        var client = await CheckedAsync();

        var list = await PageAsync(client, "/diary");
        var day = await PageAsync(client, "/diary?day=2027-03-04");
        await PageAsync(client, "/diary/timeline");

        foreach (var page in new[] { list, day })
        {
            Assert.Contains(Described, page, StringComparison.Ordinal);
            Assert.Contains("Recorded by you. Cleared: numbness between your legs", page, StringComparison.Ordinal);
        }
        Assert.Contains("Pain in calf: 5/10", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_changes_only_its_time_and_note_and_deleting_it_brings_the_warning_sign_back()
    {
        var client = await CheckedAsync();
        var row = await RowAsync();

        var edit = await PageAsync(client, $"/diary/{row.Id}/edit");
        var saved = await client.SubmitAsync($"/diary/{row.Id}/edit", new Dictionary<string, string>
        {
            ["Time"] = "2027-03-04T08:00", ["Item"] = "red-flags", ["Note"] = "Seen by Dr Okafor at the walk-in centre.",
        });

        Assert.Contains(Described, edit, StringComparison.Ordinal);
        Assert.Contains("Recorded by you. Cleared:", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Value\"", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Duration\"", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Item\"", edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await RowAsync();
        Assert.Equal(("red-flags", (decimal?)null, (int?)null, "Seen by Dr Okafor at the walk-in centre."), (changed.Item, changed.Value, changed.DurationMinutes, changed.Note));
        Assert.DoesNotContain("class=\"safety-card", await PageAsync(client, "/today"), StringComparison.Ordinal);

        await client.SubmitAsync($"/diary/{row.Id}/edit", new Dictionary<string, string>(), $"/diary/{row.Id}/edit?handler=Delete");
        Assert.Contains("data-urgency=\"emergency\"", await PageAsync(client, "/today"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quick_forms_never_offer_it()
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync("ada@example.com");

        foreach (var url in new[] { "/diary/pain", "/diary/activity", "/diary/session", "/diary/sleep", "/checkin", "/today" })
        {
            var page = await PageAsync(client, url);
            Assert.DoesNotContain("value=\"checked\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("value=\"red-flags\"", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("red-flags", null, null, null)]
    [InlineData("red-flags", 1, null, "value")]
    [InlineData("saddle-numbness", null, null, "item")]
    [InlineData("red-flags", null, 10, "durationMinutes")]
    public async Task The_diary_api_takes_a_checked_row_only_as_the_contract_spells_it(string item, int? value, int? minutes, string? refused)
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync("ada@example.com");
        await client.PostAsync(At(2, 20), "symptom", "saddle-numbness", 3);

        using var response = await client.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = "2027-03-04T08:30:00+01:00", type = "checked", item, value, durationMinutes = minutes, note = "Seen at the clinic.",
        });

        var today = await PageAsync(client, "/today");
        if (refused is null)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.DoesNotContain("class=\"safety-card", today, StringComparison.Ordinal);
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(refused, out _), $"No error for {refused}: {problem}");
        Assert.Contains("data-urgency=\"emergency\"", today, StringComparison.Ordinal);
    }
}
