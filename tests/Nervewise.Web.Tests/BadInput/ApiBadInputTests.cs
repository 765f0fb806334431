using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Tests.BadInput;
using Nervewise.Web.Tests.Support;
using FsCheck.Fluent;
using Xunit.Abstractions;
using static Nervewise.Web.Tests.BadInput.WebFuzz;

namespace Nervewise.Web.Tests.BadInput;

public sealed class ApiBadInputTestsOnSqlite(ITestOutputHelper output) : ApiBadInputTests(DatabaseProvider.Sqlite, output);

public sealed class ApiBadInputTestsOnPostgres(ITestOutputHelper output) : ApiBadInputTests(DatabaseProvider.Postgres, output);

/// <summary>
/// The JSON API through the real app and database: hostile bodies never get a 5xx, a refusal is ProblemDetails
/// naming the field, and a refused request leaves every row as it was.
/// </summary>
public abstract class ApiBadInputTests(DatabaseProvider database, ITestOutputHelper output) : AppTest(database)
{
    private readonly string provider = database.ToString();

    private const int Generated = 150;

    /// <summary>Whole bodies that are wrong before any field is read, for every endpoint, with the text sent.</summary>
    private static IEnumerable<(HttpContent Content, string Sent)> BrokenBodies()
    {
        string[] texts =
        [
            .. Nasty.MalformedJson, Nasty.Nested(10_000, objects: false), Nasty.Nested(10_000, objects: true), Nasty.Nested(40, objects: true),
            "{\"note\":\"" + new string('x', 300_000) + "\"}", "[" + string.Join(",", Enumerable.Repeat("{}", 50_000)) + "]",
        ];
        foreach (var text in texts)
        {
            yield return (Json(text), text);
        }
        byte[][] bytes = [[0xFF, 0xFE, 0x7B, 0x7D], [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], [0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D]];
        foreach (var body in bytes)
        {
            yield return (Bytes(body), Encoding.Latin1.GetString(body));
        }
        (string Text, string Type)[] wrongTypes =
        [
            ("{\"time\":\"2026-03-01T21:30:00+01:00\"}", "text/plain"), ("time=2026-03-01T21%3A30%3A00%2B01%3A00&type=pain", "application/x-www-form-urlencoded"),
            ("{}", "application/xml"), ("{}", "multipart/form-data"),
        ];
        foreach (var (text, type) in wrongTypes)
        {
            yield return (Bytes(Encoding.UTF8.GetBytes(text), type), text);
        }
        yield return (new ByteArrayContent([]), "");
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = ProductionClient(App);
        var registered = await client.RegisterAsync("ada@example.com");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return client;
    }

    [Fact]
    public async Task Diary_posts_never_fail_and_a_refusal_writes_nothing()
    {
        var client = await SignedInAsync();
        var bodies = BrokenBodies()
            .Concat(Nasty.Samples(RequestParserFuzzTests.DiaryBody, Generated, seed: 8).Select(b => (Json(b), b)))
            .Concat(Nasty.Samples(RequestParserFuzzTests.EdgeDiaryBody, Generated, seed: 12).Select(b => (Json(b), b)));
        var tried = 0;
        var accepted = 0;
        foreach (var (content, sent) in bodies)
        {
            var before = await RowsAsync(Database);
            var status = await AssertClearAsync(await client.PostAsync("/api/v1/diary", content), sent,
                key => RequestParserFuzzTests.NamesAField(key, RequestParserFuzzTests.DiaryFields, sent));
            var after = await RowsAsync(Database);
            tried++;
            if (status == 201)
            {
                accepted++;
                Assert.Equal(before with { Diary = before.Diary + 1 }, after);
            }
            else
            {
                Assert.Equal(before, after);
            }
        }
        output.WriteLine($"bad-input web diary POST ({provider}): {tried} inputs, {accepted} accepted as valid");
        await PagesStillWorkAsync(client);
    }

    [Fact]
    public async Task Diary_puts_never_fail_and_a_refusal_changes_nothing()
    {
        var client = await SignedInAsync();
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/diary",
            Json($"{{\"id\":\"{id}\",\"time\":\"2026-03-01T21:30:00+01:00\",\"type\":\"pain\",\"item\":\"calf\",\"value\":6}}"))).StatusCode);
        var tried = 0;
        foreach (var (content, sent) in BrokenBodies()
            .Concat(Nasty.Samples(RequestParserFuzzTests.DiaryBody, Generated, seed: 9).Select(b => (Json(b), b))))
        {
            var stored = await StoredAsync(id);
            var status = await AssertClearAsync(await client.PutAsync($"/api/v1/diary/{id}", content), sent,
                key => RequestParserFuzzTests.NamesAField(key, RequestParserFuzzTests.DiaryFields, sent));
            tried++;
            if (status != 200)
            {
                Assert.Equal(stored, await StoredAsync(id));
            }
        }
        output.WriteLine($"bad-input web diary PUT ({provider}): {tried} inputs");
        await PagesStillWorkAsync(client);
    }

    private async Task<string> StoredAsync(Guid id)
    {
        await using var db = Database.OpenContext();
        var record = await db.DiaryEntries.AsNoTracking().SingleAsync(e => e.Id == id);
        return $"{record.LocalTime:O}|{record.Type}|{record.Item}|{record.Value}|{record.DurationMinutes}|{record.Note}|{record.UpdatedAt:O}";
    }

    [Fact]
    public async Task Assessment_posts_never_fail_and_a_refusal_writes_nothing()
    {
        var client = await SignedInAsync();
        var linkIds = new[] { "pins-and-needles", "numbness", "weeks-since-onset", "trend", "bladder-bowel-change" };
        var plain = Gen.Zip(
                Gen.Frequency((3, Gen.Elements(linkIds)), (1, Nasty.AnyString)),
                Gen.Frequency((1, Gen.Elements("true", "false", "6", "\"worse\"")), (2, RawJson.AnyValue)))
            .ListOf().Select(p => RawJson.Object(p.Select(x => (x.Item1, x.Item2))));
        var fhir = Nasty.Strings.Select(s =>
            $"{{\"resourceType\":\"QuestionnaireResponse\",\"item\":[{{\"linkId\":{RawJson.Quote(s)},\"answer\":[{{\"valueBoolean\":true}}]}},{{\"linkId\":\"numbness\",\"answer\":[{{\"valueInteger\":1e309}}]}}]}}");
        var tried = 0;
        foreach (var (content, sent) in BrokenBodies()
            .Concat(Nasty.Samples(plain, Generated, seed: 10).Concat(fhir).Select(b => (Json(b), b))))
        {
            var before = await RowsAsync(Database);
            var status = await AssertClearAsync(await client.PostAsync("/api/v1/assessments", content), sent,
                key => RequestParserFuzzTests.NamesAField(key, [.. linkIds, "item"], sent));
            tried++;
            var after = await RowsAsync(Database);
            Assert.Equal(status == 201 ? before with { Assessments = before.Assessments + 1 } : before, after);
        }
        output.WriteLine($"bad-input web assessments POST ({provider}): {tried} inputs");
    }

    [Fact]
    public async Task Plan_settings_puts_never_fail_and_a_refusal_changes_nothing()
    {
        var client = await SignedInAsync();
        var tried = 0;
        foreach (var (content, sent) in BrokenBodies()
            .Concat(Nasty.Samples(RequestParserFuzzTests.PlanBody, Generated, seed: 11).Select(b => (Json(b), b))))
        {
            var before = await RowsAsync(Database);
            var settings = await client.GetStringAsync("/api/v1/plan/settings");
            var status = await AssertClearAsync(await client.PutAsync("/api/v1/plan/settings", content), sent,
                key => RequestParserFuzzTests.NamesAField(key, ["stage", "agreedPainLevel", "doses"], sent));
            tried++;
            if (status != 200)
            {
                Assert.Equal(before, await RowsAsync(Database));
                Assert.Equal(settings, await client.GetStringAsync("/api/v1/plan/settings"));
            }
        }
        output.WriteLine($"bad-input web plan settings PUT ({provider}): {tried} inputs");
        await PagesStillWorkAsync(client);
    }

    /// <summary>Whatever was accepted (far-past and far-future times, odd Unicode) must not break a page that shows it.</summary>
    private static async Task PagesStillWorkAsync(HttpClient client)
    {
        string[] pages =
        [
            "/today", "/diary", "/diary/timeline", "/diary/triggers", "/diary/import", "/diary/import/export", "/diary/import/fhir",
            "/plan", "/plan/calendar.ics", "/plan/settings", "/plan/training", "/report", "/checkin", "/api/v1/diary",
            "/api/v1/diary?pageSize=200", "/api/v1/plan", "/api/v1/plan/settings", "/api/v1/assessments", "/api/v1/me",
        ];
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            Assert.True((int)response.StatusCode < 500, $"{page} answered {(int)response.StatusCode} after the fuzzing");
        }
    }
}
