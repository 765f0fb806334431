using System.Net;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class QuickEntryTests() : AppTest(DatabaseProvider.Sqlite)
{
    private async Task<HttpClient> SignedInAsync()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        return client;
    }

    private async Task<List<Data.Diary.DiaryEntryRecord>> EntriesAsync()
    {
        await using var db = Database.OpenContext();
        return await db.DiaryEntries.OrderBy(e => e.Item).ToListAsync();
    }

    [Fact]
    public async Task An_activity_keeps_its_duration_and_the_devices_offset_and_a_double_tap_saves_once()
    {
        var client = await SignedInAsync();
        var fields = new Dictionary<string, string>
        {
            ["FormId"] = Guid.NewGuid().ToString(), ["tz"] = "-300", ["Item"] = "driving", ["Minutes"] = "120", ["Finished"] = "true",
        };

        var first = await client.SubmitAsync("/diary/activity", fields);
        await client.SubmitAsync("/diary/activity", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(("activity", "driving", 120, -300), (entry.Type, entry.Item, entry.DurationMinutes!.Value, entry.OffsetMinutes));
        Assert.InRange(DateTimeOffset.UtcNow - entry.OccurredAt, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
    }

    [Fact]
    public async Task An_activity_without_a_duration_is_refused_with_a_message()
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/diary/activity", new Dictionary<string, string> { ["Item"] = "sitting" });

        Assert.Contains("Duration is required for activity", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task A_check_in_saves_each_area_once_and_offers_ideas_for_the_highest()
    {
        var client = await SignedInAsync();
        var fields = new Dictionary<string, string>
        {
            ["FormId"] = Guid.NewGuid().ToString(), ["s[stress]"] = "4", ["s[sleep]"] = "3", ["s[belonging]"] = "0", ["s[worry]"] = "1",
            ["Partial"] = "true", // four areas of ten, saved as they are once the page has named the rest
        };

        await client.SubmitAsync("/checkin", fields);
        // The same form sent again (a second tap, or the browser's resend); the page now shows the answers, no form.
        await client.PostWithoutFormAsync("/checkin", fields);

        Assert.Equal(4, (await EntriesAsync()).Count);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/checkin"));
        Assert.Contains("Ideas to try this week", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Stress</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Sleep trouble</h3>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>Worry</h3>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_entry_cannot_be_edited_from_the_pages()
    {
        var owner = await SignedInAsync();
        await owner.SubmitAsync("/diary/sleep", new Dictionary<string, string> { ["Slept"] = "7" });
        var id = (await EntriesAsync()).Single().Id;
        var stranger = App.Browser();
        await stranger.RegisterAsync("eve@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/diary/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/diary/{id}/edit")).StatusCode);
    }
}
