using Nervewise.Domain.Assessment;
using Nervewise.Domain.Clinic;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Tests.Clinic;

public sealed class CaseloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static DiaryEntry Pain(int daysAgo, decimal value) =>
        DiaryEntry.Create(Now.AddDays(-daysAgo), EntryType.Pain, "posterior-thigh", value, null, "");

    private static DiaryEntry Flare(int daysAgo) => DiaryEntry.Create(Now.AddDays(-daysAgo), EntryType.Flare, "posterior-thigh", 7, null, "");

    private static DiaryEntry Symptom(int daysAgo, string item) => DiaryEntry.Create(Now.AddDays(-daysAgo), EntryType.Symptom, item, 1, null, "");

    private static List<DiaryEntry> DailyPain(int fromDaysAgo, int toDaysAgo, decimal value) =>
        [.. Enumerable.Range(toDaysAgo, fromDaysAgo - toDaysAgo + 1).Select(d => Pain(d, value))];

    [Fact]
    public void A_red_flag_symptom_comes_first_even_with_flare_ups_however_old_until_checked()
    {
        List<DiaryEntry> diary = [Flare(1), Symptom(45, "saddle-numbness")];
        var standing = Caseload.Assess(diary, SafetyState.Of(null, diary, Now), Now);
        Assert.Equal(Need.RedFlag, standing.Need);
        Assert.Equal(Urgency.Emergency, standing.Urgency);
        // The sign in the rules' own words, with when and where it was seen.
        Assert.Equal($"{Capital(WarningSigns.Says("saddle-numbness"))} (logged in the diary on 16 May 2026)", standing.Reason);

        List<DiaryEntry> checkedSince = [.. diary, DiaryEntry.Create(Now.AddDays(-40), EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null, "")];
        Assert.Equal(Need.RecentFlare, Caseload.Assess(checkedSince, SafetyState.Of(null, checkedSince, Now), Now).Need);
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static Caseload.Standing Standing(params DiaryEntry[] diary) => Caseload.Assess(diary, SafetyState.Of(null, diary, Now), Now);

    [Fact]
    public void Warning_signs_are_ordered_by_urgency_then_recency_and_an_old_unchecked_one_still_comes_first()
    {
        var oldEmergency = Standing(Symptom(60, "bladder-bowel-change"));
        var today = Standing(Symptom(5, "foot-drop"));
        var urgentNewer = Standing(Symptom(1, "cancer-history"));
        var urgentOlder = Standing(Symptom(9, "unexplained-weight-loss"));
        var soon = Standing(Symptom(0, "weakness"));
        var flaring = Standing(Flare(1));
        var steady = Standing(Pain(0, 2));
        var checkedSince = Standing(Symptom(60, "bladder-bowel-change"), Pain(0, 2),
            DiaryEntry.Create(Now.AddDays(-30), EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null, ""));

        var ordered = new[] { steady, checkedSince, soon, flaring, urgentOlder, urgentNewer, today, oldEmergency }.Order(Caseload.ByNeed).ToList();

        Assert.Equal([oldEmergency, today, urgentNewer, urgentOlder, soon, flaring], ordered.Take(6));
        Assert.Equal([Urgency.Emergency, Urgency.Today, Urgency.Urgent, Urgency.Urgent, Urgency.Soon], ordered.Take(5).Select(s => s.Urgency));
        Assert.Equal(Need.Steady, checkedSince.Need); // the check cleared it: it no longer ranks first
        Assert.Equal(Urgency.Routine, checkedSince.Urgency);
    }

    [Fact]
    public void A_sign_logged_after_the_check_raises_the_standing_again()
    {
        var standing = Standing(Symptom(60, "bladder-bowel-change"),
            DiaryEntry.Create(Now.AddDays(-30), EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null, ""),
            Symptom(2, "fever-or-unwell"));

        Assert.Equal(Need.RedFlag, standing.Need);
        Assert.Equal(Urgency.Today, standing.Urgency);
        Assert.DoesNotContain(WarningSigns.Says("bladder-bowel-change"), standing.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("weakness", Need.RedFlag)]
    [InlineData("bladder-bowel-change", Need.RedFlag)]
    [InlineData("pins-and-needles", Need.Steady)]
    public void The_latest_assessment_counts_through_the_safety_state(string item, Need expected)
    {
        var answers = new AssessmentAnswers.Builder().Boolean(item, true).Build();
        var safety = SafetyState.Of(new AssessmentTaken(answers, Now.AddDays(-3)), [], Now);
        Assert.Equal(expected, Caseload.Assess([Pain(1, 3)], safety, Now).Need);
    }

    [Fact]
    public void A_flare_up_within_fourteen_days_is_recent_and_one_at_fifteen_is_not()
    {
        Assert.Equal(Need.RecentFlare, Caseload.Assess([Flare(13)], SafetyState.Clear, Now).Need);
        Assert.Equal(Need.Steady, Caseload.Assess([Flare(15)], SafetyState.Clear, Now).Need);
    }

    [Fact]
    public void Pain_as_bad_as_eight_weeks_ago_is_no_improvement()
    {
        // Worst pain 6 every day for the two weeks ending 56 days ago, and 5.5 on average now: a drop of 0.5, under 1.
        var entries = DailyPain(69, 56, 6).Concat(DailyPain(13, 0, 5)).Concat(DailyPain(13, 7, 6)).ToList();
        var standing = Caseload.Assess(entries, SafetyState.Clear, Now);
        Assert.Equal(Need.NoImprovement, standing.Need);
        Assert.Contains("8 weeks", standing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_of_a_point_or_more_is_improvement()
    {
        var entries = DailyPain(69, 56, 6).Concat(DailyPain(13, 0, 5)).ToList();
        Assert.Equal(Need.Steady, Caseload.Assess(entries, SafetyState.Clear, Now).Need);
    }

    [Fact]
    public void Without_pain_logged_eight_weeks_ago_nothing_is_claimed()
    {
        Assert.Equal(Need.Steady, Caseload.Assess(DailyPain(20, 0, 7), SafetyState.Clear, Now).Need);
    }

    [Fact]
    public void The_sparkline_covers_four_weeks_and_the_last_entry_is_the_newest()
    {
        var standing = Caseload.Assess([Pain(2, 4), Pain(30, 8)], SafetyState.Clear, Now);
        Assert.Equal(28, standing.RecentPain.Count);
        Assert.Equal(4, standing.RecentPain[^3]);
        Assert.Equal(Now.AddDays(-2), standing.LastEntry);
    }
}
