using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class BodyMapTestsOnSqlite() : BodyMapTests(DatabaseProvider.Sqlite);

public sealed class BodyMapTestsOnPostgres() : BodyMapTests(DatabaseProvider.Postgres);

/// <summary>The body map has both legs, front and back, in the same words as the confirmation; the side is kept in the note.</summary>
public abstract partial class BodyMapTests(DatabaseProvider provider) : AppTest(provider)
{
    [GeneratedRegex("aria-label=\"([^\"]+)\"")]
    private static partial Regex AriaLabel();

    [Fact]
    public async Task The_map_shows_both_legs_from_behind_and_the_front_in_one_set_of_words()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/diary/pain"));

        var names = AriaLabel().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("Back of thigh, left", names);
        Assert.Contains("Back of thigh, right", names);
        Assert.Contains("Shin, left", names);
        Assert.Contains("Foot, right", names);
        Assert.Contains("Low back", names);
        Assert.Contains("Seen from behind", page, StringComparison.Ordinal);
        Assert.Contains("Seen from the front", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Shin (front)", page, StringComparison.Ordinal);
        Assert.Contains("/diary/pain?region=posterior-thigh&side=left#score", page, StringComparison.Ordinal);
        // The long label goes on two lines inside its shape.
        Assert.Contains(">Back of</tspan>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pain_on_the_left_thigh_is_confirmed_in_the_maps_words_kept_in_the_note_and_round_trips()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var chosen = WebUtility.HtmlDecode(await client.GetStringAsync("/diary/pain?region=posterior-thigh&side=left"));
        Assert.Contains("How strong is the pain in your <span data-region-name>back of thigh, left</span>", chosen, StringComparison.Ordinal);
        Assert.Contains("class=\"region selected\" data-region=\"posterior-thigh\" data-side=\"left\"", chosen, StringComparison.Ordinal);

        var saved = await client.SubmitAsync("/diary/pain", new Dictionary<string, string>
        {
            ["FormId"] = Guid.NewGuid().ToString(), ["Region"] = "posterior-thigh", ["Side"] = "left", ["value"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Saved: back of thigh, left, pain 5/10.", WebUtility.HtmlDecode(await client.GetStringAsync("/diary/pain")), StringComparison.Ordinal);
        await using (var db = Database.OpenContext())
        {
            var entry = await db.DiaryEntries.SingleAsync();
            Assert.Equal(("pain", "posterior-thigh", 5m, "[left]"), (entry.Type, entry.Item, entry.Value!.Value, entry.Note));
        }
        Assert.Contains("Pain in back of thigh, left: 5/10", WebUtility.HtmlDecode(await client.GetStringAsync("/diary")), StringComparison.Ordinal);

        var exported = await client.GetStringAsync("/diary/import/export");
        Assert.Contains(",pain,posterior-thigh,5,,[left]", exported, StringComparison.Ordinal);
        var other = App.Browser();
        await other.RegisterAsync("bea@example.com");
        await other.UploadDiaryAsync(Encoding.UTF8.GetBytes(exported));
        Assert.Equal(exported, await other.GetStringAsync("/diary/import/export"));
    }

    [Fact]
    public async Task The_low_back_has_no_side_and_an_unknown_side_is_left_out()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        await client.SubmitAsync("/diary/pain", new Dictionary<string, string> { ["Region"] = "low-back", ["Side"] = "left", ["value"] = "3" });
        await client.SubmitAsync("/diary/pain", new Dictionary<string, string> { ["Region"] = "calf", ["Side"] = "middle", ["value"] = "4" });

        await using var db = Database.OpenContext();
        Assert.Equal(["", ""], await db.DiaryEntries.OrderBy(e => e.Item).Select(e => e.Note).ToListAsync());
    }

    [Fact]
    public async Task Changing_an_entry_shows_its_side_apart_from_the_note_and_keeps_it()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        await client.SubmitAsync("/diary/pain", new Dictionary<string, string> { ["Region"] = "calf", ["Side"] = "right", ["value"] = "4" });
        Guid id;
        await using (var db = Database.OpenContext())
        {
            id = (await db.DiaryEntries.SingleAsync()).Id;
        }

        var edit = WebUtility.HtmlDecode(await client.GetStringAsync($"/diary/{id}/edit"));
        Assert.Contains("Where: <strong data-region-name>calf, right</strong>", edit, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Side\" value=\"right\">", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("[right]", edit, StringComparison.Ordinal);
        var time = Regex.Match(edit, "name=\"Time\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        var saved = await client.SubmitAsync($"/diary/{id}/edit", new Dictionary<string, string>
        {
            ["Time"] = time, ["Item"] = "posterior-thigh", ["Side"] = "left", ["Value"] = "6", ["Note"] = "after the long drive",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = Database.OpenContext())
        {
            var entry = await db.DiaryEntries.SingleAsync();
            Assert.Equal(("posterior-thigh", 6m, "[left] after the long drive"), (entry.Item, entry.Value!.Value, entry.Note));
        }
    }
}
