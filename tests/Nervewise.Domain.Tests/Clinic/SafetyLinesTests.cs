using Nervewise.Domain.Assessment;
using Nervewise.Domain.Clinic;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Tests.Clinic;

public sealed class SafetyLinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static DiaryEntry Checked(int daysAgo, string note) =>
        DiaryEntry.Create(Now.AddDays(-daysAgo), EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null, note);

    [Fact]
    public void The_last_check_says_who_recorded_it_from_its_note()
    {
        List<DiaryEntry> diary = [
            DiaryEntry.Create(Now.AddDays(-20), EntryType.Symptom, "cancer-history", 1, null, ""),
            Checked(10, "Recorded by physio@example.com (clinician). Cleared: you have had cancer."),
        ];
        var state = SafetyState.Of(null, diary, Now);

        Assert.Equal("Last check recorded 20 Nov 2026 by physio@example.com (clinician).", SafetyLines.LastCheck(state, diary, "pat@example.com"));
    }

    [Fact]
    public void A_check_the_person_recorded_names_them_and_an_empty_note_names_nobody()
    {
        Assert.Equal("pat@example.com (the person)", SafetyLines.By("Recorded by you. Cleared: weight loss without trying.", "pat@example.com"));
        Assert.Null(SafetyLines.By("", "pat@example.com"));
        Assert.Equal("the note \u201cseen by Dr Okafor\u201d", SafetyLines.By("seen by Dr Okafor", "pat@example.com"));

        List<DiaryEntry> diary = [Checked(3, "")];
        Assert.Equal("Last check recorded 27 Nov 2026.", SafetyLines.LastCheck(SafetyState.Of(null, diary, Now), diary, "pat@example.com"));
        Assert.Equal("No check by a doctor or physiotherapist recorded yet.", SafetyLines.LastCheck(SafetyState.Clear, [], "pat@example.com"));
    }

    [Fact]
    public void Reasons_and_open_questions_use_the_rules_own_words()
    {
        var answers = new AssessmentAnswers.Builder().Boolean("bladder-bowel-change", true).Build();
        var state = SafetyState.Of(new AssessmentTaken(answers, Now.AddDays(-2)), [], Now);

        var reason = SafetyLines.Reason(state.Reasons[0]);
        Assert.StartsWith("New trouble passing urine", reason, StringComparison.Ordinal);
        Assert.EndsWith("(answered yes in the assessment of 28 Nov 2026)", reason, StringComparison.Ordinal);
        Assert.Contains(WarningSigns.Says("bladder-bowel-change")[1..], reason, StringComparison.Ordinal);

        var open = state.Unanswered.Single(u => u.Item == "cancer-history");
        Assert.Equal($"Not answered: {WarningSigns.Says("cancer-history")} (if yes: see a doctor within days)", SafetyLines.Unanswered(open));
    }

    [Theory]
    [InlineData("weakness", false)]
    [InlineData("cancer-history", true)]
    [InlineData("foot-drop", true)]
    public void Urgent_or_higher_pauses_exercises_and_soon_holds_the_plan(string item, bool paused)
    {
        List<DiaryEntry> diary = [DiaryEntry.Create(Now.AddDays(-1), EntryType.Symptom, item, 1, null, "")];
        var words = SafetyLines.Exercises(SafetyState.Of(null, diary, Now));
        Assert.Equal(paused, words.StartsWith("Exercises are paused", StringComparison.Ordinal));
        Assert.Equal(!paused, words.Contains("holds at this stage", StringComparison.Ordinal));
    }
}
