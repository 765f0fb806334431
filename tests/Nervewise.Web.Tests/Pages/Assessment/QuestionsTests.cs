using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Domain.Assessment;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Assessment;

public sealed partial class QuestionsTests() : AppTest(DatabaseProvider.Sqlite)
{
    private static readonly AssessmentQuestionnaire Questionnaire = AssessmentQuestionnaire.Current;
    private static readonly int LastStep = Questionnaire.Screens.Count - 1;

    /// <summary>Every safety question asked of everyone (not the follow-up on worsening weakness), with one answer.</summary>
    private static Dictionary<string, string> Safety(string answer) =>
        AssessmentRules.Current.RedFlags.Items.Where(r => r.Item != "progressive-weakness").ToDictionary(r => $"a[{r.Item}]", _ => answer);

    private static Dictionary<string, string> LastScreen(IDictionary<string, string> answers) =>
        new(answers) { ["Step"] = $"{LastStep}", ["command"] = "next" };

    private async Task<HttpClient> SignedInAsync()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        return client;
    }

    private async Task<int> StoredAsync()
    {
        await using var db = Database.OpenContext();
        return await db.Assessments.CountAsync();
    }

    [Theory]
    [InlineData("weeks-since-onset", "lots", "Must be a whole number from 0 to 520")]
    [InlineData("weeks-since-onset", "600", "not 600")]
    [InlineData("numbness", "maybe", "Must be true or false")]
    [InlineData("made-up-item", "yes", "Check your answer to 'made-up-item'")]
    public async Task A_bad_answer_is_shown_on_the_page_and_nothing_is_saved(string item, string value, string message)
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/assessment/questions", LastScreen(new Dictionary<string, string>(Safety("no")) { [$"a[{item}]"] = value }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task The_last_screen_saves_and_shows_the_result()
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/assessment/questions", LastScreen(new Dictionary<string, string>(Safety("no"))
        {
            ["a[sit-bone-pain]"] = "yes",
            ["a[pain-sitting-on-sit-bone]"] = "yes",
            ["a[weeks-since-onset]"] = "10",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var result = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("The hamstring tendon at the sit bone", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_whose_question_was_answered_no_is_dropped()
    {
        var client = await SignedInAsync();

        await client.SubmitAsync("/assessment/questions", LastScreen(new Dictionary<string, string>(Safety("no"))
        {
            ["a[weakness]"] = "no",
            ["a[progressive-weakness]"] = "yes",
        }));

        await using var db = Database.OpenContext();
        var saved = await db.Assessments.SingleAsync();
        Assert.DoesNotContain("progressive-weakness", saved.AnswersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Safety_questions_start_with_nothing_chosen_and_offer_yes_no_and_not_sure()
    {
        var client = await SignedInAsync();

        var html = await client.GetStringAsync("/assessment/questions");

        var first = Questionnaire.Screens[0].Items;
        Assert.All(first, item =>
        {
            var radios = Radios(html, item.LinkId);
            Assert.Equal(["yes", "no", "unsure"], radios.Select(r => r.Value));
            Assert.All(radios, r => Assert.False(r.Checked, $"{item.LinkId}={r.Value} is chosen before the person chose"));
        });
    }

    [Fact]
    public async Task Next_without_a_choice_names_the_question_links_to_it_and_does_not_move_on()
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = "0",
            ["command"] = "next",
            ["a[bladder-bowel-change]"] = "no",
            ["a[sexual-function-change]"] = "unsure",
            ["a[both-legs]"] = "no",
            ["a[weakness]"] = "no",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Step 1 of", text, StringComparison.Ordinal);
        Assert.Contains("<h1>First, some safety questions</h1>", html, StringComparison.Ordinal);
        var saddle = Questionnaire.Items["saddle-numbness"].Text;
        // The summary names the question and links to its first answer; the field says what to do and is described by it.
        Assert.Contains($"<a href=\"#q-saddle-numbness-yes\">Choose Yes, No or Not sure for “{saddle}”</a>", text, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"saddle-numbness-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" id=\"saddle-numbness-error\">Choose Yes, No or Not sure.</span>", html, StringComparison.Ordinal);
        Assert.Single(ErrorIds().Matches(html));
        // What was chosen stays chosen, "not sure" included.
        Assert.Contains(Radios(html, "bladder-bowel-change"), r => r is { Value: "no", Checked: true });
        Assert.Contains(Radios(html, "sexual-function-change"), r => r is { Value: "unsure", Checked: true });
        Assert.DoesNotContain(Radios(html, "saddle-numbness"), r => r.Checked);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Tapping_next_again_and_again_never_completes_the_assessment()
    {
        var client = await SignedInAsync();
        var html = await client.GetStringAsync("/assessment/questions");

        for (var tap = 0; tap < Questionnaire.Screens.Count + 3; tap++)
        {
            var response = await client.PostAsync("/assessment/questions", new FormUrlEncodedContent(
                new Dictionary<string, string>(Hidden(html)) { ["command"] = "next" }));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<h1>First, some safety questions</h1>", html, StringComparison.Ordinal);
        }
        Assert.Equal(0, await StoredAsync());
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_post_that_claims_a_later_screen_cannot_skip_the_safety_questions(int step)
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = $"{step}",
            ["command"] = "next",
            ["a[pins-and-needles]"] = "yes",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>First, some safety questions</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }

    public static TheoryData<int> Steps => [.. Enumerable.Range(0, Questionnaire.Screens.Count)];

    [Fact]
    public async Task An_emergency_answer_ends_the_questions_at_once_even_with_others_open()
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = "0",
            ["command"] = "next",
            ["a[bladder-bowel-change]"] = "yes",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task Not_sure_travels_with_the_form_and_is_stored_as_not_answered()
    {
        var client = await SignedInAsync();
        var html = await client.GetStringAsync("/assessment/questions");
        HttpResponseMessage response;
        do
        {
            // Every safety question answered "not sure", every other question left as it is.
            var form = new Dictionary<string, string>(Hidden(html)) { ["command"] = "next" };
            foreach (var linkId in VisibleSafety(html))
            {
                form[$"a[{linkId}]"] = "unsure";
            }
            response = await client.PostAsync("/assessment/questions", new FormUrlEncodedContent(form));
            html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && html.Contains("Step 4 of", StringComparison.Ordinal))
            {
                // Three screens on, the earlier "not sure" answers are still carried.
                Assert.Contains("<input type=\"hidden\" name=\"a[saddle-numbness]\" value=\"unsure\">", html, StringComparison.Ordinal);
            }
        }
        while (response.StatusCode == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = Database.OpenContext();
        var saved = await db.Assessments.SingleAsync();
        Assert.Equal("{}", saved.AnswersJson);
        var result = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Some safety questions are still open", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_never_asks_for_a_choice()
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = "1",
            ["command"] = "back",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>First, some safety questions</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"error-summary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_that_are_not_safety_questions_still_default_to_not_sure()
    {
        var client = await SignedInAsync();
        var where = Questionnaire.Screens.ToList().FindIndex(s => s.Id == "screen-where");

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>(Safety("no"))
        {
            ["Step"] = $"{where - 1}",
            ["command"] = "next",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Where you feel it</h1>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"a[pins-and-needles]\" value=\"\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_answer_keeps_the_answers_from_earlier_screens()
    {
        var client = await SignedInAsync();

        var response = await client.SubmitAsync("/assessment/questions", LastScreen(new Dictionary<string, string>(Safety("no"))
        {
            ["a[pins-and-needles]"] = "yes",
            ["a[saddle-numbness]"] = "unsure",
            ["a[weeks-since-onset]"] = "-3",
        }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"a[pins-and-needles]\" value=\"yes\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"a[saddle-numbness]\" value=\"unsure\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"a[bladder-bowel-change]\" value=\"no\"", html, StringComparison.Ordinal);
        Assert.Contains("Check your answer to", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    private static List<(string Value, bool Checked)> Radios(string html, string linkId) =>
        [.. Radio().Matches(html).Where(m => m.Groups["name"].Value == $"a[{linkId}]")
            .Select(m => (m.Groups["value"].Value, m.Value.Contains("checked", StringComparison.Ordinal)))];

    /// <summary>The hidden fields of the page's form, as a browser would send them back.</summary>
    private static Dictionary<string, string> Hidden(string html)
    {
        var form = html[html.IndexOf("<form method=\"post\" novalidate>", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        return HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    private static IEnumerable<string> VisibleSafety(string html) =>
        Radio().Matches(html).Where(m => m.Groups["value"].Value == "unsure").Select(m => m.Groups["name"].Value[2..^1]).Distinct();

    [GeneratedRegex("<input type=\"radio\"[^>]*name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"[^>]*>")]
    private static partial Regex Radio();

    [GeneratedRegex("<input (?:name=\"(?<name>[^\"]+)\" type=\"hidden\" value=\"(?<value>[^\"]*)\"|type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\")")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("class=\"field-error\" id=\"[^\"]+\"")]
    private static partial Regex ErrorIds();
}
