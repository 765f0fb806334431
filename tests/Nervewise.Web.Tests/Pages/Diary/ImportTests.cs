using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class ImportTests() : AppTest(DatabaseProvider.Sqlite)
{
    private const string Diary =
        "time,type,item,value,duration_minutes,note\r\n" +
        "2026-03-01T21:30:00+01:00,pain,calf,6,,\r\n" +
        "2026-03-02T08:00:00+01:00,checkin,sleep,2,,\r\n";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var page = await client.GetStringAsync("/diary/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "diary.csv");
        return await client.PostAsync("/diary/import", form);
    }

    [Fact]
    public async Task An_upload_is_imported_once_and_downloads_again_unchanged()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, Diary)).StatusCode);
        Assert.Contains("Imported 2 new entries", await client.GetStringAsync("/diary/import"), StringComparison.Ordinal);
        await UploadAsync(client, Diary);
        Assert.Contains("Imported 0 new entries", await client.GetStringAsync("/diary/import"), StringComparison.Ordinal);

        Assert.Equal(Diary, await client.GetStringAsync("/diary/import/export"));
    }

    [Fact]
    public async Task A_bad_file_lists_its_problems_by_line_and_imports_nothing()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var response = await UploadAsync(client, Diary + "yesterday,pain,elbow,5,,\r\n");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was imported", html, StringComparison.Ordinal);
        Assert.Contains("line 4, column time", html, StringComparison.Ordinal);
        Assert.Contains("line 4, column item", html, StringComparison.Ordinal);
        await using var db = Database.OpenContext();
        Assert.Equal(0, await db.DiaryEntries.CountAsync());
    }
}
