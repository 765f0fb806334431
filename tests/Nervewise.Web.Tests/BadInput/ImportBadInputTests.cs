using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Domain.Diary;
using Nervewise.Testing;
using Nervewise.Tests.BadInput;
using Nervewise.Web.Tests.Support;
using Xunit.Abstractions;
using static Nervewise.Web.Tests.BadInput.WebFuzz;

namespace Nervewise.Web.Tests.BadInput;

public sealed class ImportBadInputTestsOnSqlite(ITestOutputHelper output) : ImportBadInputTests(DatabaseProvider.Sqlite, output);

public sealed class ImportBadInputTestsOnPostgres(ITestOutputHelper output) : ImportBadInputTests(DatabaseProvider.Postgres, output);

/// <summary>The diary import page under hostile files: never a 5xx; a refused file lists lines and imports nothing at all.</summary>
public abstract class ImportBadInputTests(DatabaseProvider database, ITestOutputHelper output) : AppTest(database)
{
    private readonly string provider = database.ToString();

    private const string Good = "2026-03-01T21:30:00+01:00,pain,calf,6,,fine\r\n";

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] csv) => client.UploadDiaryAsync(csv);

    private static IEnumerable<byte[]> Files()
    {
        var header = DiaryCsv.Header + "\r\n";
        foreach (var time in Nasty.Times)
        {
            yield return Encoding.UTF8.GetBytes(header + Good + $"{time},flare,foot,9,20160,\r\n");
        }
        foreach (var text in Nasty.Strings)
        {
            yield return Encoding.UTF8.GetBytes(header + Good + $"2026-03-01T21:30:00+01:00,pain,calf,6,,{text}\r\n");
            yield return Encoding.UTF8.GetBytes(header + Good + $"2026-03-01T21:30:00+01:00,pain,{text},6,,\r\n");
        }
        foreach (var bytes in Nasty.Samples(Nasty.AnyBytes, 60, seed: 13))
        {
            yield return [.. Encoding.UTF8.GetBytes(header + Good), .. bytes];
        }
        yield return [.. Encoding.UTF8.GetBytes(header + Good), 0xC3, 0x28, (byte)'\r', (byte)'\n'];
        yield return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(header + Good)];
        yield return Encoding.UTF8.GetBytes(header + Good + "\"" + new string('x', 300_000));
        yield return Encoding.UTF8.GetBytes(header + string.Concat(Enumerable.Repeat(Good, 500)) + "2026-03-01T21:30:00+01:00,pain,calf,11,,\r\n");
    }

    [Fact]
    public async Task Hostile_files_never_fail_and_a_refused_file_imports_nothing()
    {
        var client = ProductionClient(App);
        await client.RegisterAsync("ada@example.com");
        var tried = 0;
        var imported = 0;
        foreach (var file in Files())
        {
            var before = await RowsAsync(Database);
            var response = await UploadAsync(client, file);
            var status = (int)response.StatusCode;
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(status < 500, $"{status} for a file of {file.Length} bytes");
            tried++;
            if (status == 302)
            {
                imported++;
                await using var db = Database.OpenContext();
                await db.DiaryEntries.ExecuteDeleteAsync();
                continue;
            }
            Assert.Equal(200, status);
            Assert.Contains("Nothing was imported", html, StringComparison.Ordinal);
            Assert.Matches(@"line \d+", html);
            Assert.Equal(before, await RowsAsync(Database));
        }
        output.WriteLine($"bad-input web CSV import ({provider}): {tried} files, {imported} imported whole");
    }
}
