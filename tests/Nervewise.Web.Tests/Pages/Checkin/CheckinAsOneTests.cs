using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Domain.CheckIns;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.Checkin;

public sealed class CheckinAsOneTestsOnSqlite() : CheckinAsOneTests(DatabaseProvider.Sqlite);

public sealed class CheckinAsOneTestsOnPostgres() : CheckinAsOneTests(DatabaseProvider.Postgres);

/// <summary>
/// Issue 16: a check-in is one thing. Saving says so and does not bring back an empty form; areas left out are named
/// before anything is saved; the diary lists it as one entry (the CSV keeps a row per area); charts have a scale.
/// </summary>
public abstract partial class CheckinAsOneTests(DatabaseProvider provider) : AppTest(provider)
{
    private readonly FakeTimeProvider _clock = Clock(3, 9);

    private static Dictionary<string, string> All(int score = 2) =>
        CheckinContent.Current.Areas.ToDictionary(a => $"s[{a.AreaId}]", a => a.AreaId == "stress" ? "3" : score.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<HttpClient> PersonAsync(string? zone = null)
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync("ada@example.com", timeZone: zone);
        return client;
    }

    private static async Task<HttpResponseMessage> CheckInAsync(HttpClient client, Dictionary<string, string> answers) =>
        await client.SubmitAsync("/checkin?again=true", new Dictionary<string, string>(answers) { ["FormId"] = Guid.NewGuid().ToString() }, "/checkin");

    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [Fact]
    public async Task Saving_shows_the_saved_check_in_not_an_empty_form_and_another_is_one_tap_away()
    {
        var client = await PersonAsync();

        var saved = await CheckInAsync(client, All());
        var first = await PageAsync(client, "/checkin");
        var later = await PageAsync(client, "/checkin");
        var again = await PageAsync(client, "/checkin?again=true");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/checkin#saved", saved.Headers.Location?.OriginalString);
        Assert.Contains("Your check-in is saved", first, StringComparison.Ordinal);
        Assert.Contains("Saved on Thursday 4 March. Thank you.", first, StringComparison.Ordinal);
        Assert.Contains("<span>Stress</span> <strong>3, quite a lot</strong>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"checkin-form\"", first, StringComparison.Ordinal);
        // Once the message is read, the page still shows this week's check-in rather than a blank form to fill twice.
        Assert.Contains("Your check-in this week", later, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"checkin-form\"", later, StringComparison.Ordinal);
        Assert.Contains("href=\"/checkin?again=true#checkin-form\"", later, StringComparison.Ordinal);
        Assert.Contains("id=\"checkin-form\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Areas_left_out_are_named_before_anything_is_saved_and_saving_without_them_notes_them()
    {
        var client = await PersonAsync();
        var some = All().Where(a => a.Key is not ("s[sleep]" or "s[belonging]")).ToDictionary();

        var held = await CheckInAsync(client, some);
        var heldPage = WebUtility.HtmlDecode(await held.Content.ReadAsStringAsync());
        var nothingYet = await PageAsync(client, "/diary");
        var partial = await CheckInAsync(client, new Dictionary<string, string>(some) { ["Partial"] = "true" });
        var savedPage = await PageAsync(client, "/checkin");

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Contains("Nothing is saved yet. You have not rated Sleep trouble and Feeling cut off.", heldPage, StringComparison.Ordinal);
        Assert.Contains("Save without them", heldPage, StringComparison.Ordinal);
        // The answers given come back ticked, so nothing has to be done twice.
        Assert.Matches("name=\"s\\[stress\\]\" value=\"3\" checked=\"checked\"", heldPage);
        Assert.DoesNotContain("Check-in", nothingYet.Split("<ul class=\"entry-list\">").Skip(1).DefaultIfEmpty("").First(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, partial.StatusCode);
        Assert.Contains("Not answered: Sleep trouble and Feeling cut off.", savedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diary_lists_a_check_in_as_one_entry_while_the_csv_keeps_a_row_per_area()
    {
        var client = await PersonAsync();
        await client.PostAsync(At(2, 20), "pain", "posterior-thigh", 3);

        await CheckInAsync(client, All());
        var diary = await PageAsync(client, "/diary");
        var csv = await client.GetStringAsync("/diary/import/export");

        Assert.Single(Regex.Matches(diary, "class=\"checkin-item\""));
        Assert.Contains("Check-in: 10 areas rated, highest Stress 3/4", diary, StringComparison.Ordinal);
        Assert.Contains("Sleep trouble: <strong>2/4</strong>", diary, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Count(diary, "href=\"/diary/[0-9a-f-]+/edit\" aria-label=\"Edit [^\"]+ in the check-in"));
        Assert.Contains("Pain in", diary, StringComparison.Ordinal);
        Assert.Equal(10, csv.Split('\n').Count(line => line.Contains(",checkin,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Trend_charts_have_a_scale_labels_match_their_questions_and_one_check_in_is_singular()
    {
        var client = await PersonAsync();

        await CheckInAsync(client, All());
        var page = await PageAsync(client, "/checkin");

        Assert.Contains("Over the last 12 weeks: 1 check-in.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1 check-ins", page, StringComparison.Ordinal);
        Assert.Contains("class=\"trend-chart\"", page, StringComparison.Ordinal);
        foreach (var tick in new[] { "0", "2", "4" })
        {
            Assert.Matches($"<text [^>]*text-anchor=\"end\"[^>]*>{tick}</text>", page);
        }
        Assert.DoesNotContain("Feeling connected", page, StringComparison.Ordinal);
        var belonging = CheckinContent.Current.Areas.Single(a => a.AreaId == "belonging");
        Assert.Equal(("Feeling cut off", "How cut off do you feel from the people around you?"), (belonging.Label, belonging.Question));
    }

    [Fact]
    public async Task The_saved_date_is_the_readers_own_day()
    {
        // 9:00 on day 3 at UTC+1 is 08:00 UTC; in Kiritimati (UTC+14) it is already 22:00 the same day, in Honolulu
        // (UTC-10) 22:00 the day before: the saved line names the reader's day.
        _clock.SetUtcNow(new DateTimeOffset(2027, 3, 4, 12, 30, 0, TimeSpan.Zero));
        var client = await PersonAsync("Pacific/Kiritimati");

        await CheckInAsync(client, All());
        var page = await PageAsync(client, "/checkin");

        Assert.Contains("on Friday 5 March.", page, StringComparison.Ordinal);
    }
}
