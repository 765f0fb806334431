using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nervewise.Data;
using Nervewise.Data.Assessments;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Assessment;

public sealed class ResultTestsOnSqlite() : ResultTests(DatabaseProvider.Sqlite);

public sealed class ResultTestsOnPostgres() : ResultTests(DatabaseProvider.Postgres);

/// <summary>The result page explains one assessment's answers; the layout's safety card says what to do.</summary>
public abstract partial class ResultTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly string[] EveryRedFlag = [.. AssessmentRules.Current.RedFlags.Items.Select(r => r.Item)];

    /// <summary>Words from each source's next steps that advise movement or exercise.</summary>
    private static readonly string[] ExerciseAdvice =
    [
        AssessmentWording.For(Source.Nerve).NextSteps, AssessmentWording.For(Source.Muscle).NextSteps, AssessmentWording.For(Source.Tendon).NextSteps,
        "Keep moving", "nerve exercises", "Stay active", "strengthening", "movement is fine",
    ];

    /// <summary>Answers with every red flag answered no, then the given ones yes, plus a clear sciatica.</summary>
    private static Dictionary<string, object> Answers(params string[] yes)
    {
        var answers = EveryRedFlag.Where(i => i != "progressive-weakness").ToDictionary(i => i, _ => (object)false);
        foreach (var item in yes)
        {
            answers[item] = true;
        }
        answers["pins-and-needles"] = true;
        answers["pain-below-knee"] = true;
        answers["sit-bone-pain"] = true;
        return answers;
    }

    private async Task<(HttpClient Client, string Html)> ResultOfAsync(Dictionary<string, object> answers)
    {
        var (client, url) = await AssessAsync(answers);
        return (client, await PageAsync(client, url));
    }

    private async Task<(HttpClient Client, string Url)> AssessAsync(Dictionary<string, object> answers)
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        var created = await client.PostAsJsonAsync("/api/v1/assessments", answers);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (client, $"/assessment/{id}");
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Open_safety_questions_are_listed_with_what_to_do_if_yes_and_never_called_free_of_warning_signs()
    {
        var answers = Answers();
        answers.Remove("saddle-numbness");
        answers.Remove("calf-swelling");
        answers.Remove("cancer-history");

        var (_, html) = await ResultOfAsync(answers);

        Assert.DoesNotContain("No warning signs", html, StringComparison.Ordinal);
        Assert.DoesNotContain("You can start managing this yourself", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"urgency-title\">Some safety questions are still open</h2>", html, StringComparison.Ordinal);
        Assert.Contains("3 safety questions were not answered yes or no", html, StringComparison.Ordinal);
        AssertInOrder(html,
            AssessmentWording.IfYes(Urgency.Emergency), WarningSigns.Says("saddle-numbness"),
            AssessmentWording.IfYes(Urgency.Today), WarningSigns.Says("calf-swelling"),
            AssessmentWording.IfYes(Urgency.Urgent), WarningSigns.Says("cancer-history"));
        Assert.DoesNotContain(WarningSigns.Says("bladder-bowel-change"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_safety_question_answered_no_gives_self_management_with_its_advice()
    {
        var (_, html) = await ResultOfAsync(Answers());

        Assert.Contains("You can start managing this yourself", html, StringComparison.Ordinal);
        Assert.Contains(AssessmentWording.For(Source.Nerve).NextSteps, html, StringComparison.Ordinal);
        Assert.DoesNotContain("safety-card", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calf-swelling", Urgency.Today)]
    [InlineData("fever-or-unwell", Urgency.Today)]
    [InlineData("both-legs", Urgency.Today)]
    [InlineData("foot-drop", Urgency.Today)]
    [InlineData("saddle-numbness", Urgency.Emergency)]
    [InlineData("injected-drugs", Urgency.Urgent)]
    [InlineData("suspected-tendon-tear", Urgency.Urgent)]
    public async Task At_urgent_or_higher_the_page_names_the_sign_gives_no_exercise_advice_and_adds_no_second_card(string item, Urgency urgency)
    {
        var (_, html) = await ResultOfAsync(Answers(item));

        var words = AssessmentWording.For(urgency);
        Assert.Single(SafetyCards().Matches(html));
        Assert.Contains($"data-urgency=\"{Names.Of(urgency)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<h2 id=\"urgency-title\">{words.Headline}</h2>", html, StringComparison.Ordinal);
        Assert.Contains("The box at the top of this page says what to do", html, StringComparison.Ordinal);
        Assert.Contains($"<li>{WarningSigns.Says(item)}</li>", html, StringComparison.Ordinal);
        Assert.Contains(AssessmentWording.AfterYouHaveBeenSeen, html, StringComparison.Ordinal);
        Assert.All(ExerciseAdvice, advice => Assert.DoesNotContain(advice, html, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("class=\"takeover\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stable_weakness_keeps_its_advice_and_asks_for_a_check()
    {
        var (_, html) = await ResultOfAsync(Answers("weakness"));

        Assert.Contains("<h2 id=\"urgency-title\">Book a physiotherapist or doctor</h2>", html, StringComparison.Ordinal);
        Assert.Contains(AssessmentWording.For(Source.Nerve).NextSteps, html, StringComparison.Ordinal);
        Assert.Contains("A scan may be worth discussing", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_red_flags_listed_are_the_words_of_the_rules_file()
    {
        var (_, html) = await ResultOfAsync(Answers("cancer-history", "constant-night-pain", "lowered-immunity"));

        var listed = ListItems().Matches(html[html.IndexOf("class=\"red-flag-list\"", StringComparison.Ordinal)..].Split("</ul>")[0])
            .Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        string[] said = ["cancer-history", "constant-night-pain", "lowered-immunity"];
        Assert.Equal(said.Select(WarningSigns.Says).Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task After_a_check_is_recorded_the_page_says_so_and_no_longer_tells_the_person_to_go_now()
    {
        var (client, url) = await AssessAsync(Answers("fever-or-unwell"));
        Assert.Contains("See a doctor today", await PageAsync(client, url), StringComparison.Ordinal);

        var checkedNow = await client.SubmitAsync("/safety/check", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, checkedNow.StatusCode);
        var after = await PageAsync(client, url);

        Assert.Contains("Checked since these answers", after, StringComparison.Ordinal);
        Assert.DoesNotContain("safety-card", after, StringComparison.Ordinal);
        Assert.Contains(WarningSigns.Says("fever-or-unwell"), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_stored_before_the_change_is_judged_by_today_s_rules()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        var id = Guid.CreateVersion7();
        await using (var db = Database.OpenContext())
        {
            var user = db.Users.Single();
            // Questionnaire 1.0.0: both legs was "urgent" then, and the six newer red flags were not asked.
            db.Assessments.Add(new AssessmentRecord
            {
                Id = id,
                UserId = user.Id,
                TakenAt = DateTimeOffset.UtcNow.AddDays(-20),
                AnswersJson = """{"bladder-bowel-change": false, "saddle-numbness": false, "sexual-function-change": false, "both-legs": true, "weakness": false, "major-trauma": false, "fever-or-unwell": false, "unexplained-weight-loss": false, "cancer-history": false, "constant-night-pain": false, "pins-and-needles": true}""",
                ResultJson = """{"primarySource": "nerve", "sources": [{"source": "nerve", "likelihood": 0.5, "level": "possible", "reasons": ["pins-and-needles"]}, {"source": "muscle", "likelihood": 0.1, "level": "unlikely", "reasons": []}, {"source": "tendon", "likelihood": 0.1, "level": "unlikely", "reasons": []}], "mixed": false, "redFlags": [{"item": "both-legs", "urgency": "urgent"}], "urgency": "urgent", "imaging": "discuss-with-clinician", "questionnaireVersion": "1.0.0"}""",
                PrimarySource = "nerve",
                Urgency = "urgent",
                QuestionnaireVersion = "1.0.0",
            });
            await db.SaveChangesAsync();
        }

        var html = await PageAsync(client, $"/assessment/{id}");

        Assert.Contains($"<h2 id=\"urgency-title\">{AssessmentWording.For(Urgency.Today).Headline}</h2>", html, StringComparison.Ordinal);
        Assert.Contains("data-urgency=\"today\"", html, StringComparison.Ordinal);
        Assert.Contains("Safety questions still open", html, StringComparison.Ordinal);
        Assert.Contains(WarningSigns.Says("calf-swelling"), html, StringComparison.Ordinal);
        Assert.Contains(WarningSigns.Says("injected-drugs"), html, StringComparison.Ordinal);
    }

    private static void AssertInOrder(string html, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = html.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' is missing, or out of order");
            at = found + part.Length;
        }
    }

    [GeneratedRegex("<section class=\"safety-card")]
    private static partial Regex SafetyCards();

    [GeneratedRegex("<li>([^<]+)</li>")]
    private static partial Regex ListItems();
}
