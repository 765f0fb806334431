using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Domain.Diary;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class DiaryIntegrityTestsOnSqlite() : DiaryIntegrityTests(DatabaseProvider.Sqlite);

public sealed class DiaryIntegrityTestsOnPostgres() : DiaryIntegrityTests(DatabaseProvider.Postgres);

/// <summary>
/// Values that do not bind are refused by name, never stored as 0; the pager reaches old entries; far-away days and
/// out-of-range minutes answer with a message; imports of the same file at once, and check-ins posted twice at once, never fail.
/// </summary>
public abstract class DiaryIntegrityTests(DatabaseProvider provider) : AppTest(provider)
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
        return await db.DiaryEntries.AsNoTracking().ToListAsync();
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static TheoryData<string?> BadPain => new() { null, "", "abc", "7.5", "2147483648", "-1", "11" };

    [Theory]
    [MemberData(nameof(BadPain))]
    public async Task Pain_that_is_missing_or_unreadable_is_refused_by_name_and_nothing_is_stored(string? value)
    {
        var client = await SignedInAsync();
        var fields = new Dictionary<string, string> { ["FormId"] = Guid.NewGuid().ToString(), ["Region"] = "calf" };
        if (value is not null)
        {
            fields["value"] = value;
        }

        var response = await client.SubmitAsync("/diary/pain?region=calf", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Pain", html[html.IndexOf("error-summary", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("name=\"Region\" value=\"calf\"", html, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync());
    }

    public static TheoryData<string, string, string, string> BadForms => new()
    {
        // page, field, typed, a word the message must hold
        { "/diary/activity", "OtherMinutes", "abc", "Minutes" },
        { "/diary/activity", "Minutes", "2147483648", "Minutes" },
        { "/diary/activity", "Effort", "7.5", "Effort" },
        { "/diary/session?item=slump-slider", "Minutes", "abc", "Minutes" },
        { "/diary/session?item=slump-slider", "Pain", "7.5", "Pain" },
        { "/diary/sleep", "Slept", "seven", "Hours" },
        { "/diary/sleep", "tz", "abc", "Time zone" },
        { "/checkin", "s[stress]", "abc", "Stress" },
        { "/checkin", "s[stress]", "2147483648", "Stress" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Every_diary_form_refuses_a_value_that_does_not_read_and_keeps_what_was_typed(string page, string field, string typed, string word)
    {
        var client = await SignedInAsync();
        var fields = new Dictionary<string, string>
        {
            ["FormId"] = Guid.NewGuid().ToString(), ["Item"] = "sitting", ["Minutes"] = "30", ["Effort"] = "3", ["Pain"] = "2",
            ["Slept"] = "7", ["s[sleep]"] = "2", [field] = typed,
        };
        if (page.StartsWith("/diary/session", StringComparison.Ordinal))
        {
            fields["Item"] = "slump-slider";
        }

        var response = await client.SubmitAsync(page, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        var summary = html[html.IndexOf("error-summary", StringComparison.Ordinal)..];
        Assert.Contains(word, summary[..summary.IndexOf("</div>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains($"'{typed}'", summary, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task The_edit_page_refuses_an_unreadable_value_and_keeps_the_stored_one()
    {
        var client = await SignedInAsync();
        await client.SubmitAsync("/diary/activity", new Dictionary<string, string>
        {
            ["FormId"] = Guid.NewGuid().ToString(), ["Item"] = "sitting", ["Minutes"] = "30", ["Effort"] = "3",
        });
        var entry = Assert.Single(await EntriesAsync());

        foreach (var (field, typed) in new[] { ("Value", "abc"), ("Duration", "2147483648"), ("Duration", "7.5") })
        {
            var response = await client.SubmitAsync($"/diary/{entry.Id}/edit", new Dictionary<string, string>
            {
                ["Time"] = entry.LocalTime.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                ["Item"] = "sitting", ["Value"] = "3", ["Duration"] = "30", [field] = typed,
            });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await HtmlAsync(response);
            Assert.Contains($"'{typed}'", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        }
        var kept = Assert.Single(await EntriesAsync());
        Assert.Equal((3m, 30), (kept.Value, kept.DurationMinutes));
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-2147483647")]
    [InlineData("-2147483648")]
    public async Task Plan_minutes_out_of_range_are_refused_by_name_not_a_500(string minutes)
    {
        var client = await SignedInAsync();
        const string exercise = "slump-slider";

        var response = await client.SubmitAsync("/plan", new Dictionary<string, string>
        {
            ["FormId"] = Guid.NewGuid().ToString(), ["Item"] = exercise, ["Minutes"] = minutes, ["Pain"] = "2",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Duration", await HtmlAsync(response), StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task Plan_minutes_that_do_not_read_are_refused_by_name()
    {
        var client = await SignedInAsync();
        const string exercise = "slump-slider";

        var response = await client.SubmitAsync("/plan", new Dictionary<string, string>
        {
            ["FormId"] = Guid.NewGuid().ToString(), ["Item"] = exercise, ["Minutes"] = "2147483648", ["Pain"] = "2",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Minutes must be", await HtmlAsync(response), StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync());
    }

    private static string Rows(int count, Func<int, string>? note = null)
    {
        var text = new StringBuilder(DiaryCsv.Header).Append("\r\n");
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            text.Append(DiaryTime.Format(start.AddHours(i))).Append(",pain,calf,").Append(i % 11).Append(",,").Append(note?.Invoke(i) ?? "").Append("\r\n");
        }
        return text.ToString();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] csv) => client.UploadDiaryAsync(csv);

    [Fact]
    public async Task The_pager_reaches_every_entry_and_says_where_it_ends()
    {
        var client = await SignedInAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, Encoding.UTF8.GetBytes(Rows(65)))).StatusCode);

        var first = await client.GetStringAsync("/diary");
        var second = await client.GetStringAsync("/diary?page=2");
        var third = await client.GetStringAsync("/diary?page=3");

        Assert.Contains("Page 1 of 3", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/diary?page=2\">Older", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 3", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/diary?page=1\">", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/diary?page=3\">Older", second, StringComparison.Ordinal);
        Assert.Contains("Page 3 of 3", third, StringComparison.Ordinal);
        Assert.Contains("the oldest", third, StringComparison.Ordinal);
        Assert.DoesNotContain(">Older", third, StringComparison.Ordinal);
        // The oldest entry (08:00 on 1 January) is on the last page only.
        Assert.Contains("1 January 2026", third, StringComparison.Ordinal);
        Assert.DoesNotContain("1 January 2026", first, StringComparison.Ordinal);

        foreach (var page in new[] { "4", "0", "-1", "2147483647", "abc" })
        {
            var response = await client.GetAsync($"/diary?page={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await HtmlAsync(response);
            Assert.Contains(page == "0" || page == "-1" || page == "abc" ? "Page 1 of 3" : "Page 3 of 3", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    public async Task A_day_outside_the_diarys_years_says_so_rather_than_failing(string day)
    {
        var client = await SignedInAsync();

        var response = await client.GetAsync($"/diary?day={day}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1900 to 2199", await HtmlAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2199-12-31")]
    public async Task The_first_and_last_days_of_the_diarys_years_show(string day)
    {
        var client = await SignedInAsync();

        var response = await client.GetAsync($"/diary?day={day}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing logged on this day", await HtmlAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identical_imports_at_once_never_fail_and_store_each_row_once()
    {
        var client = await SignedInAsync();
        var csv = Encoding.UTF8.GetBytes(Rows(3000));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => UploadAsync(client, csv)));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{response.StatusCode}: {await HtmlAsync(response)}");
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Contains("at the same time", await HtmlAsync(response), StringComparison.Ordinal);
            }
        }
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(3000, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task Check_ins_posted_at_once_with_one_form_id_are_one_check_in()
    {
        var client = await SignedInAsync();
        var page = await client.GetStringAsync("/checkin");
        var token = Forms.Token(page);
        var formId = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync("/checkin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["FormId"] = formId, ["s[stress]"] = "3", ["s[sleep]"] = "1", ["Partial"] = "true" }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(2, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task A_file_with_bytes_that_are_not_utf8_is_refused_naming_the_line()
    {
        var client = await SignedInAsync();
        byte[] csv = [.. Encoding.UTF8.GetBytes(Rows(3)), .. Encoding.UTF8.GetBytes("2026-03-01T21:30:00+01:00,pain,calf,6,,caf"), 0xE9, (byte)'\r', (byte)'\n'];

        var response = await UploadAsync(client, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("line 5, column note", html, StringComparison.Ordinal);
        Assert.Contains("UTF-8", html, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task Formula_notes_download_with_an_apostrophe_and_import_back_the_same()
    {
        var client = await SignedInAsync();
        string[] notes = ["=HYPERLINK(\"http://x.example\")", "'=x", "''=x", "-5 today", "'quoted'", "+1", "@sum", "\tx", "plain"];
        await client.SubmitAsync("/diary/pain?region=calf", new Dictionary<string, string> { ["FormId"] = Guid.NewGuid().ToString(), ["Region"] = "calf", ["value"] = "3" });
        var stored = Assert.Single(await EntriesAsync());
        await using (var db = Database.OpenContext())
        {
            await db.DiaryEntries.Where(e => e.Id == stored.Id).ExecuteDeleteAsync();
            var userId = stored.UserId;
            var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(1));
            for (var i = 0; i < notes.Length; i++)
            {
                var record = new Data.Diary.DiaryEntryRecord { Id = Guid.NewGuid(), UserId = userId, Type = "", Item = "", Note = "" };
                record.Set(DiaryEntry.Create(start.AddDays(i), EntryType.Pain, "calf", i, null, notes[i]));
                db.DiaryEntries.Add(record);
            }
            await db.SaveChangesAsync();
        }

        var exported = await client.GetStringAsync("/diary/import/export");

        Assert.Contains(",\"'=HYPERLINK(", exported, StringComparison.Ordinal);
        Assert.Contains(",''=x\r\n", exported, StringComparison.Ordinal);
        Assert.Contains(",'''=x\r\n", exported, StringComparison.Ordinal);
        Assert.Contains(",'-5 today\r\n", exported, StringComparison.Ordinal);
        Assert.Contains(",'quoted'\r\n", exported, StringComparison.Ordinal);
        Assert.Contains(",'+1\r\n", exported, StringComparison.Ordinal);
        Assert.Contains(",'@sum\r\n", exported, StringComparison.Ordinal);
        Assert.Contains(",'\tx\r\n", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", exported, StringComparison.Ordinal);

        // Into an empty account, the export gives back the same notes, and importing it again adds nothing.
        await using (var db = Database.OpenContext())
        {
            await db.DiaryEntries.ExecuteDeleteAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, Encoding.UTF8.GetBytes(exported))).StatusCode);
        Assert.Equal(notes.Order(StringComparer.Ordinal), (await EntriesAsync()).Select(e => e.Note).Order(StringComparer.Ordinal));
        Assert.Equal(exported, await client.GetStringAsync("/diary/import/export"));
    }
}
