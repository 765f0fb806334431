using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Nervewise.Data;
using Nervewise.Domain.Content;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;
using Xunit.Abstractions;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages;

/// <summary>
/// The main pages, as a signed-in person with two weeks of diary sees them, must read easily: Flesch reading ease of
/// 60 or more (Domain/Content/Readability), measured twice. First every piece of visible text inside &lt;main&gt;,
/// each paragraph, heading, list item, label, legend, button and caption as its own block; then the running text
/// alone, without buttons, labels, options and tables, whose short blocks would flatter the score. Left out of both:
/// charts (SVG), the header and footer, hidden fields. Numbers are never words to the measure.
/// </summary>
public sealed partial class ReadabilityTests(ITestOutputHelper output) : AppTest(DatabaseProvider.Sqlite)
{
    public const double Bar = 60;

    [Fact]
    public async Task The_main_pages_read_easily_for_a_person_with_data()
    {
        var clock = Clock(14, 12);
        var client = App.OnClock(clock).Browser();
        await client.RegisterAsync("ada@example.com");
        using (var assessed = await client.PostAsJsonAsync("/api/v1/assessments", new Dictionary<string, object>
        {
            ["pins-and-needles"] = true, ["pain-below-knee"] = true, ["sitting-bending-worst"] = true,
            ["delayed-unpredictable"] = true, ["weeks-since-onset"] = 6,
        }))
        {
            assessed.EnsureSuccessStatusCode();
        }
        for (var day = 0; day <= 13; day++)
        {
            await client.PostAsync(At(day, 8), "pain", day < 7 ? "calf" : "posterior-thigh", day < 7 ? 5 : 3);
        }
        await client.PostAsync(At(4, 21), "flare", "calf", 7);
        await client.PostAsync(At(12, 18), "exercise", "easing-positions", 1, 10);
        await client.PostAsync(At(13, 9), "checkin", "sleep", 3);
        var assessmentId = (await client.GetFromJsonAsync<List<IdOnly>>("/api/v1/assessments"))![0].Id;

        string[] pages =
        [
            "/today", "/welcome", "/welcome/first-week", "/assessment", "/assessment/questions", $"/assessment/{assessmentId}",
            "/diary/pain", "/diary/activity", "/diary/session", "/diary/sleep", "/checkin", "/plan", "/first-aid", "/sharing",
        ];
        var scores = new List<(string Page, double Ease, int Words, double ProseEase, int ProseWords)>();
        foreach (var url in pages)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var text = MainText(html);
            var prose = ProseText(html);
            if (Environment.GetEnvironmentVariable("NERVEWISE_READABILITY_DUMP") is { Length: > 0 } folder)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, url.Trim('/').Replace('/', '_') + ".txt"), text);
            }
            scores.Add((url, Readability.FleschReadingEase(text), Readability.Words(text).Count,
                Readability.FleschReadingEase(prose), Readability.Words(prose).Count));
        }

        foreach (var (page, ease, words, proseEase, proseWords) in scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{page,-40} all text {ease,6:F1} ({words} words)   sentences only {proseEase,6:F1} ({proseWords} words)"));
        }
        var hard = scores.Where(s => s.Ease < Bar || s.ProseEase < Bar)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Page} {s.Ease:F1} (sentences only {s.ProseEase:F1})")).ToList();
        Assert.True(hard.Count == 0, $"Below the reading-ease bar of {Bar}: {string.Join(", ", hard)}");
    }

    private sealed record IdOnly(Guid Id);

    /// <summary>The visible text of &lt;main&gt;, one block of text per line, blocks separated by blank lines.</summary>
    public static string MainText(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", start, StringComparison.Ordinal);
        var main = html[start..end];
        main = Invisible().Replace(main, " ");
        main = BlockEnd().Replace(main, "\n\n");
        main = Tag().Replace(main, " ");
        var lines = WebUtility.HtmlDecode(main).Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Only the running text: paragraphs, list items, headings and captions, without controls (buttons, labels,
    /// options, table cells), whose one- or two-word blocks would flatter the score.
    /// </summary>
    public static string ProseText(string html)
    {
        var main = MainText(Controls().Replace(html, " "));
        return main;
    }

    [GeneratedRegex(@"<(button|label|select|table)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Controls();

    [GeneratedRegex(@"<(svg|script|style|template)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"</(p|li|h[1-6]|legend|label|button|td|th|dt|dd|summary|figcaption|caption|option|div|section)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
