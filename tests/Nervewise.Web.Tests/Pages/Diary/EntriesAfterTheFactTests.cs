using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Data.Diary;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class EntriesAfterTheFactTestsOnSqlite() : EntriesAfterTheFactTests(DatabaseProvider.Sqlite);

public sealed class EntriesAfterTheFactTestsOnPostgres() : EntriesAfterTheFactTests(DatabaseProvider.Postgres);

/// <summary>
/// Entries made later than they happened: "when" on every quick form, in the person's own zone; sleep filed on the
/// night it belongs to; editing in plain choices; delete confirmed and undoable for a short while.
/// </summary>
public abstract class EntriesAfterTheFactTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<HttpClient> PersonAsync(FakeTimeProvider clock, string zone)
    {
        var client = App.OnClock(clock).Browser();
        await client.RegisterAsync("ada@example.com", timeZone: zone);
        return client;
    }

    private async Task<List<DiaryEntryRecord>> EntriesAsync()
    {
        await using var db = Database.OpenContext();
        return await db.DiaryEntries.AsNoTracking().ToListAsync();
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task Pain_logged_for_yesterday_afternoon_is_stored_at_that_time_in_the_persons_zone()
    {
        // 09:00 UTC on 3 March 2027 is 22:00 in Auckland (daylight time, +13:00).
        var client = await PersonAsync(new FakeTimeProvider(new DateTimeOffset(2027, 3, 3, 9, 0, 0, TimeSpan.Zero)), "Pacific/Auckland");

        var page = await HtmlAsync(await client.GetAsync("/diary/pain?region=calf"));
        var saved = await client.SubmitAsync("/diary/pain?region=calf", Form(
            ("FormId", Guid.NewGuid().ToString()), ("Region", "calf"), ("value", "5"), ("When", "yesterday"), ("Part", "afternoon")));

        Assert.Contains("Earlier today", page, StringComparison.Ordinal);
        Assert.Contains("Pick a time", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 15, 0, 0, TimeSpan.FromHours(13)), entry.OccurredAt);
        Assert.Equal(13 * 60, entry.OffsetMinutes);
    }

    [Fact]
    public async Task A_picked_time_in_the_autumn_hour_that_happens_twice_is_the_first_and_the_future_is_refused()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero));
        var client = await PersonAsync(clock, "Europe/Berlin");

        var picked = await client.SubmitAsync("/diary/activity", Form(
            ("FormId", Guid.NewGuid().ToString()), ("Item", "sitting"), ("Minutes", "60"), ("When", "pick"), ("Pick", "2026-10-25T02:30")));
        var future = await client.SubmitAsync("/diary/activity", Form(
            ("FormId", Guid.NewGuid().ToString()), ("Item", "driving"), ("Minutes", "30"), ("When", "today"), ("Part", "evening")));

        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), entry.OccurredAt);
        Assert.Equal(120, entry.OffsetMinutes);
        Assert.Contains("the evening has not come yet today", await HtmlAsync(future), StringComparison.Ordinal);
        Assert.Single(await EntriesAsync());
    }

    [Fact]
    public async Task Sleep_logged_just_after_midnight_is_the_night_just_gone_in_half_hours_up_to_14()
    {
        // 00:41 in Berlin on Saturday 28 November 2026.
        var client = await PersonAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 23, 41, 0, TimeSpan.Zero)), "Europe/Berlin");

        var page = await HtmlAsync(await client.GetAsync("/diary/sleep"));
        var saved = await client.SubmitAsync("/diary/sleep", Form(("FormId", Guid.NewGuid().ToString()), ("Slept", "6.5")));
        var tooLong = await client.SubmitAsync("/diary/sleep", Form(("FormId", Guid.NewGuid().ToString()), ("Slept", "14.5")));
        var quarter = await client.SubmitAsync("/diary/sleep", Form(("FormId", Guid.NewGuid().ToString()), ("Slept", "7.25")));

        Assert.Contains("value=\"0\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"13.5\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"14\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var night = Assert.Single(await EntriesAsync());
        Assert.Equal((6.5m, new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.FromHours(1))), (night.Value!.Value, night.OccurredAt));
        Assert.Contains("Hours slept must be from 0 to 14 in half hours, not 14.5", await HtmlAsync(tooLong), StringComparison.Ordinal);
        Assert.Contains("Hours slept must be from 0 to 14 in half hours, not 7.25", await HtmlAsync(quarter), StringComparison.Ordinal);
        Assert.Single(await EntriesAsync());
        Assert.Contains("Slept 6½ h", await HtmlAsync(await client.GetAsync("/diary")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_uses_plain_choices_and_something_else_typed_in_words_becomes_an_activity()
    {
        var client = await PersonAsync(PlanDiary.Clock(3, 9), "Europe/Berlin");
        await client.SubmitAsync("/diary/pain?region=posterior-thigh", Form(("FormId", Guid.NewGuid().ToString()), ("Region", "posterior-thigh"), ("value", "5")));
        await client.SubmitAsync("/diary/activity", Form(("FormId", Guid.NewGuid().ToString()), ("Item", "sitting"), ("Minutes", "30")));
        var entries = await EntriesAsync();
        var pain = entries.Single(e => e.Type == "pain");
        var activity = entries.Single(e => e.Type == "activity");

        var painPage = await HtmlAsync(await client.GetAsync($"/diary/{pain.Id}/edit"));
        var activityPage = await HtmlAsync(await client.GetAsync($"/diary/{activity.Id}/edit"));
        // Shown in the reader's zone (Berlin, +01:00); left as shown, the entry keeps its instant and offset.
        var time = System.Text.RegularExpressions.Regex.Match(activityPage, "name=\"Time\" type=\"datetime-local\" class=\"when-input\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(activity.OccurredAt.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), time);
        var saved = await client.SubmitAsync($"/diary/{activity.Id}/edit", Form(
            ("Time", time), ("Item", "sitting"), ("Other", "back of thigh"), ("Minutes", "60"), ("Value", "")));

        Assert.Contains("class=\"body-map\"", painPage, StringComparison.Ordinal);
        Assert.Contains("class=\"score-choices", painPage.Replace("choices score-choices", "score-choices", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("What (pain)", painPage, StringComparison.Ordinal);
        Assert.Matches("name=\"Value\" value=\"5\" checked", painPage);
        Assert.DoesNotContain("type=\"text\" value=\"posterior-thigh\"", painPage, StringComparison.Ordinal);
        Assert.Contains("name=\"Other\"", activityPage, StringComparison.Ordinal);
        Assert.Contains("name=\"Item\" value=\"desk-work\"", activityPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = (await EntriesAsync()).Single(e => e.Id == activity.Id);
        Assert.Equal(("back-of-thigh", 60, activity.OccurredAt, activity.OffsetMinutes), (changed.Item, changed.DurationMinutes!.Value, changed.OccurredAt, changed.OffsetMinutes));
    }

    [Fact]
    public async Task Delete_asks_first_and_can_be_undone_for_ten_minutes_but_not_after()
    {
        var clock = PlanDiary.Clock(3, 9);
        var client = await PersonAsync(clock, "Europe/Berlin");
        await client.SubmitAsync("/diary/pain?region=calf", Form(("FormId", Guid.NewGuid().ToString()), ("Region", "calf"), ("value", "4")));
        var entry = Assert.Single(await EntriesAsync());

        var edit = await HtmlAsync(await client.GetAsync($"/diary/{entry.Id}/edit"));
        await client.SubmitAsync($"/diary/{entry.Id}/edit", Form(), $"/diary/{entry.Id}/edit?handler=Delete");
        var diary = await HtmlAsync(await client.GetAsync("/diary"));
        var token = System.Text.RegularExpressions.Regex.Match(diary, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value;

        Assert.Contains("<details class=\"confirm-delete\">", edit, StringComparison.Ordinal);
        Assert.Contains("Yes, delete it", edit, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync());
        Assert.Contains("Deleted: Pain in calf: 4/10.", diary, StringComparison.Ordinal);
        // The undo button's own post, with its form's token: the diary fetched again would show it no more.
        var undone = await client.PostAsync("/diary?handler=Undo",
            new FormUrlEncodedContent(new Dictionary<string, string>(Form(("token", token))) { ["__RequestVerificationToken"] = Forms.Token(diary) }));
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var back = Assert.Single(await EntriesAsync());
        Assert.Equal((entry.Id, entry.OccurredAt, entry.OffsetMinutes, 4m), (back.Id, back.OccurredAt, back.OffsetMinutes, back.Value!.Value));

        await client.SubmitAsync($"/diary/{entry.Id}/edit", Form(), $"/diary/{entry.Id}/edit?handler=Delete");
        var again = await HtmlAsync(await client.GetAsync("/diary"));
        var late = System.Text.RegularExpressions.Regex.Match(again, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value;
        clock.Advance(TimeSpan.FromMinutes(11));
        await client.PostAsync("/diary?handler=Undo",
            new FormUrlEncodedContent(new Dictionary<string, string>(Form(("token", late))) { ["__RequestVerificationToken"] = Forms.Token(again) }));

        Assert.Empty(await EntriesAsync());
        Assert.Contains("It is too late to undo that", await HtmlAsync(await client.GetAsync("/diary")), StringComparison.Ordinal);
    }
}
