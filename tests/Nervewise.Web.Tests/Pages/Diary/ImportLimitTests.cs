using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Domain.Diary;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;
using Xunit.Abstractions;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class ImportLimitTestsOnSqlite(ITestOutputHelper output) : ImportLimitTests(DatabaseProvider.Sqlite, output);

public sealed class ImportLimitTestsOnPostgres(ITestOutputHelper output) : ImportLimitTests(DatabaseProvider.Postgres, output);

/// <summary>
/// A file at the documented limit (DiaryCsv.MaxRows rows, under the page's 50 MB) imports whole; one row more is
/// refused naming the limit. Each prints rows a second and the peak memory it saw, for docs/performance.md.
/// </summary>
public abstract class ImportLimitTests(DatabaseProvider database, ITestOutputHelper output) : AppTest(database)
{
    private readonly string provider = database.ToString();

    /// <summary>The shortest honest row (pain now, no note), so the most rows fit the body limit.</summary>
    private static byte[] File(int rows)
    {
        var text = new StringBuilder(DiaryCsv.Header, 42 * (rows + 1)).Append("\r\n");
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < rows; i++)
        {
            text.Append(DiaryTime.Format(start.AddMinutes(i))).Append(",pain,calf,").Append(i % 11).Append(",,\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] csv) => client.UploadDiaryAsync(csv);

    /// <summary>Samples the process's working set while an action runs; the test host and the app share the process.</summary>
    private static async Task<(T Result, TimeSpan Took, long PeakBytes)> MeasureAsync<T>(Func<Task<T>> action)
    {
        var process = Process.GetCurrentProcess();
        var peak = 0L;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var result = await action();
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        return (result, clock.Elapsed, peak);
    }

    [Fact]
    public async Task A_file_at_the_row_limit_imports_whole()
    {
        var client = App.Browser();
        client.Timeout = TimeSpan.FromMinutes(10); // the limit's rows on a busy two-core machine
        await client.RegisterAsync("ada@example.com");
        var csv = File(DiaryCsv.MaxRows);
        Assert.True(csv.Length < Web.Pages.Diary.ImportModel.MaxBytes, $"{csv.Length} bytes");
        GC.Collect();
        Process.GetCurrentProcess().Refresh();
        var before = Process.GetCurrentProcess().WorkingSet64;

        var (response, took, peak) = await MeasureAsync(() => UploadAsync(client, csv));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"Imported {DiaryCsv.MaxRows} new entries", await client.GetStringAsync("/diary/import"), StringComparison.Ordinal);
        await using (var db = Database.OpenContext())
        {
            Assert.Equal(DiaryCsv.MaxRows, await db.DiaryEntries.CountAsync());
        }
        output.WriteLine($"{provider}: {DiaryCsv.MaxRows:N0} rows ({csv.Length / 1024 / 1024} MB) in {took.TotalSeconds:F1} s, " +
            $"{DiaryCsv.MaxRows / took.TotalSeconds:N0} rows/s; working set {before / 1024 / 1024} MB before, peak {peak / 1024 / 1024} MB " +
            "(the test's own copy of the file included)");

        // The same file again adds nothing, and says so.
        var (again, tookAgain, _) = await MeasureAsync(() => UploadAsync(client, csv));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains($"Imported 0 new entries from diary.csv; {DiaryCsv.MaxRows} were already in your diary.", await client.GetStringAsync("/diary/import"), StringComparison.Ordinal);
        output.WriteLine($"{provider}: the same file again in {tookAgain.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task One_row_past_the_limit_is_refused_naming_the_limit_and_nothing_is_stored()
    {
        var client = App.Browser();
        client.Timeout = TimeSpan.FromMinutes(20);
        await client.RegisterAsync("ada@example.com");

        var response = await UploadAsync(client, File(DiaryCsv.MaxRows + 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"is past the limit of {DiaryCsv.MaxRows:N0} rows; split the file", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = Database.OpenContext();
        Assert.Equal(0, await db.DiaryEntries.CountAsync());
    }
}
