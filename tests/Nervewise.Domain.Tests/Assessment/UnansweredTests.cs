using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

/// <summary>
/// unansweredRedFlags (shared/spec/assessment.md): each warning sign with no answer, with what a yes would mean,
/// so a result never calls unanswered questions free of warning signs.
/// </summary>
public class UnansweredTests
{
    private static readonly string[] RedFlags = [.. AssessmentRules.Current.RedFlags.Items.Select(r => r.Item)];

    // The red flags of the questionnaire before 2026-11-28, and the six added then with the urgency a yes carries.
    private static readonly string[] OldRedFlags =
    [
        "bladder-bowel-change", "saddle-numbness", "sexual-function-change", "both-legs", "weakness", "progressive-weakness",
        "major-trauma", "fever-or-unwell", "unexplained-weight-loss", "cancer-history", "constant-night-pain",
    ];

    private static readonly RedFlag[] AddedOn20261128 =
    [
        new("foot-drop", Urgency.Today),
        new("fragile-bones-minor-fall", Urgency.Urgent),
        new("suspected-tendon-tear", Urgency.Urgent),
        new("calf-swelling", Urgency.Today),
        new("lowered-immunity", Urgency.Urgent),
        new("injected-drugs", Urgency.Urgent),
    ];

    [Fact]
    public void With_no_answers_every_red_flag_that_applies_is_listed_with_its_urgency()
    {
        var result = Answers.None.Assess();

        var expected = RuleTests.SpecTable
            .Select(row => new RedFlag((string)row[0], (Urgency)row[1]))
            .Where(r => r.Item != "progressive-weakness");
        Assert.Equal(expected.OrderBy(r => r.Item, StringComparer.Ordinal), result.UnansweredRedFlags.OrderBy(r => r.Item, StringComparer.Ordinal));
        Assert.Equal(Urgency.Routine, result.Urgency);
    }

    [Fact]
    public void Answered_red_flags_are_not_listed_whether_yes_or_no()
    {
        var result = Answers.Yes("cancer-history").No("calf-swelling", "both-legs").Assess();

        Assert.DoesNotContain(result.UnansweredRedFlags, r => r.Item is "cancer-history" or "calf-swelling" or "both-legs");
        Assert.Contains(new RedFlag("bladder-bowel-change", Urgency.Emergency), result.UnansweredRedFlags);
    }

    [Fact]
    public void When_every_red_flag_is_answered_the_list_is_empty()
    {
        var result = Answers.None.No(RedFlags).Assess();

        Assert.Empty(result.UnansweredRedFlags);
        Assert.Empty(AssessmentDocument.From(result).UnansweredRedFlags!);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Worsening_weakness_counts_as_unanswered_only_after_a_yes_to_weakness(bool? weakness, bool listed)
    {
        var answers = Answers.None.No([.. RedFlags.Where(r => r is not "weakness" and not "progressive-weakness")]);
        answers = weakness switch
        {
            true => answers.AndYes("weakness"),
            false => answers.No("weakness"),
            null => answers,
        };

        var result = answers.Assess();

        Assert.Equal(listed, result.UnansweredRedFlags.Contains(new RedFlag("progressive-weakness", Urgency.Emergency)));
        Assert.Equal(weakness is null, result.UnansweredRedFlags.Any(r => r.Item == "weakness"));
    }

    [Fact]
    public void An_unanswered_sign_carries_the_urgency_a_yes_would_have_beside_the_answers_given()
    {
        var withWeakness = Answers.Yes("weakness").No("progressive-weakness").Assess();
        var alone = Answers.None.Assess();

        Assert.Contains(new RedFlag("both-legs", Urgency.Emergency), withWeakness.UnansweredRedFlags);
        Assert.Contains(new RedFlag("both-legs", Urgency.Today), alone.UnansweredRedFlags);
        Assert.Contains(new RedFlag("cancer-history", Urgency.Urgent), withWeakness.UnansweredRedFlags);
    }

    [Theory]
    [InlineData(Urgency.Emergency, "If you have any of these, go to an emergency department now")]
    [InlineData(Urgency.Today, "If you have any of these, see a doctor today")]
    public void What_to_do_if_an_open_question_turns_out_to_be_yes_is_the_urgency_s_own_action(Urgency urgency, string expected) =>
        Assert.Equal(expected, AssessmentWording.IfYes(urgency));

    [Fact]
    public void A_response_stored_before_the_change_still_assesses_and_lists_the_new_red_flags_as_unanswered()
    {
        // Answers JSON as stored by questionnaire 1.0.0: every old red flag answered no, a classic sciatica.
        var json = "{" + string.Join(", ", OldRedFlags.Where(i => i != "progressive-weakness").Select(i => $"\"{i}\": false")) +
            """, "pins-and-needles": true, "pain-below-knee": true, "sitting-bending-worst": true, "weeks-since-onset": 6, "trend": "same"}""";

        var result = AssessmentEngine.Assess(AssessmentInput.Parse(json));

        Assert.Equal(Source.Nerve, result.PrimarySource);
        Assert.Equal(Urgency.Routine, result.Urgency);
        Assert.Empty(result.RedFlags);
        Assert.Equal(AddedOn20261128.OrderBy(r => r.Item, StringComparer.Ordinal), result.UnansweredRedFlags.OrderBy(r => r.Item, StringComparer.Ordinal));
    }

    [Fact]
    public void A_result_stored_before_the_change_reads_back_with_no_unanswered_list()
    {
        const string Stored = """
            {"primarySource": "nerve", "sources": [
               {"source": "nerve", "likelihood": 0.86, "level": "likely", "reasons": ["pins-and-needles"]},
               {"source": "muscle", "likelihood": 0.1, "level": "unlikely", "reasons": []},
               {"source": "tendon", "likelihood": 0.1, "level": "unlikely", "reasons": []}],
             "mixed": false, "redFlags": [{"item": "both-legs", "urgency": "urgent"}], "urgency": "urgent",
             "imaging": "discuss-with-clinician", "questionnaireVersion": "1.0.0"}
            """;

        var document = System.Text.Json.JsonSerializer.Deserialize<AssessmentDocument>(Stored, AssessmentDocument.JsonOptions)!;
        var result = document.ToResult();

        Assert.Null(document.UnansweredRedFlags);
        Assert.Empty(result.UnansweredRedFlags);
        Assert.Equal(Urgency.Urgent, result.Urgency);
    }
}
