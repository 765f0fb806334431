using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Nervewise.Data;
using Nervewise.Simulation;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class TriggersTestsOnSqlite() : TriggersTests(DatabaseProvider.Sqlite);

public sealed class TriggersTestsOnPostgres() : TriggersTests(DatabaseProvider.Postgres);

/// <summary>"What comes before my flare-ups" at /diary/triggers, for the signed-in person's own diary only.</summary>
public abstract class TriggersTests(DatabaseProvider provider) : AppTest(provider)
{
    /// <summary>Long sitting (3 hours or more) makes flare-ups 10 times as likely 6 to 12 hours after it; 60 flare-ups.</summary>
    private static readonly string Planted = SyntheticDiary.Csv(new DiaryScenario(240, 60, PlantedTrigger.Catalogue(10)[0], 3));

    private static async Task UploadAsync(HttpClient client, string csv)
    {
        var page = await client.GetStringAsync("/diary/import");
        using var form = new MultipartFormDataContent { { new StringContent(Forms.Token(page)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "diary.csv");
        var response = await client.PostAsync("/diary/import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = App.Browser();
        await client.RegisterAsync(email);
        return client;
    }

    [Fact]
    public async Task A_planted_trigger_is_found_and_charted_by_delay()
    {
        var client = await SignedInAsync("ada@example.com");
        await UploadAsync(client, Planted);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/diary/triggers"));

        Assert.Contains("<h1>What comes before my flare-ups</h1>", html, StringComparison.Ordinal);
        Assert.Contains("What stood out", html, StringComparison.Ordinal);
        Assert.Matches("Flare-ups were about \\d+ times as likely 6 to 12 hours after long sitting \\(2 hours or more\\); (quite|fairly) sure\\.", html);
        Assert.Contains("class=\"trigger-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitting_at_several_doses_is_one_plain_sentence_with_its_numbers_behind_a_fold_and_the_report_says_the_same()
    {
        var client = await SignedInAsync("ada@example.com");
        await UploadAsync(client, NineWeekDiary.Csv());
        var report = Nervewise.Domain.Triggers.TriggerAnalysis.Analyse(NineWeekDiary.Entries());
        var headline = Assert.Single(report.Headlines());

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/diary/triggers"));

        // One line for sitting and long sitting, first under "What stood out", its numbers folded away.
        var found = html[html.IndexOf("What stood out", StringComparison.Ordinal)..];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(found, "class=\"trigger-summary\""));
        Assert.Contains($"<p class=\"trigger-summary\">{headline.Summary}</p>", html, StringComparison.Ordinal);
        var fold = found[found.IndexOf("<details class=\"trigger-sure\">", StringComparison.Ordinal)..found.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("<summary>How sure is this?</summary>", fold, StringComparison.Ordinal);
        // The counts match the flare-ups logged: 20 entries, two of them the same flare-up, so 19.
        Assert.Contains("20 flare-ups were logged; entries less than 2 hours apart count as one flare-up, so there are 19.", fold, StringComparison.Ordinal);
        Assert.Contains(Nervewise.Domain.Triggers.TriggerWording.Counts(headline, 19, Nervewise.Domain.Triggers.TriggerRules.Current), fold, StringComparison.Ordinal);
        Assert.DoesNotContain("no upper limit", html, StringComparison.Ordinal);
        Assert.DoesNotContain("95 % interval", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Logged too rarely", html, StringComparison.Ordinal);

        // The appointment summary carries the very same sentence and counts.
        var summary = WebUtility.HtmlDecode(await client.GetStringAsync("/report"));
        Assert.Contains(Nervewise.Domain.Reports.AppointmentReport.TriggerLines(report)[0], summary, StringComparison.Ordinal);
        Assert.Contains(headline.Summary, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_diary_says_how_many_more_flare_ups_are_needed()
    {
        var client = await SignedInAsync("ada@example.com");
        await UploadAsync(client, SyntheticDiary.Csv(new DiaryScenario(40, 3, null, 8)));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/diary/triggers"));

        Assert.Contains("Not enough to go on yet", html, StringComparison.Ordinal);
        Assert.Contains("There are 3 flare-ups in this diary.", html, StringComparison.Ordinal);
        Assert.Matches("about \\d+ more", html);
        Assert.DoesNotContain("class=\"trigger-chart\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_diary_renders_for_its_owner()
    {
        var client = await SignedInAsync("ada@example.com");

        var response = await client.GetAsync("/diary/triggers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The diary is empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_person_sees_only_their_own_diary()
    {
        var ada = await SignedInAsync("ada@example.com");
        await UploadAsync(ada, Planted);
        var kai = await SignedInAsync("kai@example.com");

        var html = WebUtility.HtmlDecode(await kai.GetStringAsync("/diary/triggers"));

        Assert.Contains("The diary is empty", html, StringComparison.Ordinal);
        Assert.DoesNotContain("What stood out", html, StringComparison.Ordinal);
        Assert.DoesNotContain("long sitting (2 hours or more)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in()
    {
        var response = await App.Browser().GetAsync("/diary/triggers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diary_and_the_timeline_link_to_it()
    {
        var client = await SignedInAsync("ada@example.com");

        Assert.Contains("href=\"/diary/triggers\"", await client.GetStringAsync("/diary"), StringComparison.Ordinal);
        Assert.Contains("href=\"/diary/triggers\"", await client.GetStringAsync("/diary/timeline"), StringComparison.Ordinal);
    }
}
