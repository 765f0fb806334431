using Nervewise.Domain.Diary;
using Nervewise.Domain.Home;

namespace Nervewise.Domain.Tests.Home;

public sealed class RemindersTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly HomeRules Rules = HomeRules.Current;

    private static DiaryEntry Pain(int daysAgo, decimal value) =>
        DiaryEntry.Create(Now.AddDays(-daysAgo), EntryType.Pain, "posterior-thigh", value, null, "");

    private static List<DiaryEntry> DailyPain(int fromDaysAgo, int toDaysAgo, decimal value) =>
        [.. Enumerable.Range(toDaysAgo, fromDaysAgo - toDaysAgo + 1).Select(d => Pain(d, value))];

    [Fact]
    public void The_intervals_come_from_the_data_file_with_their_reasons()
    {
        Assert.Equal(28, Rules.ReassessmentDays.Whole);
        Assert.Equal(7, Rules.CheckinDays.Whole);
        Assert.Equal(8, Reminders.NotImprovingWeeks);
        Assert.All([Rules.ReassessmentDays, Rules.CheckinDays, Rules.TrendDays], r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Why));
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
        });
    }

    [Fact]
    public void Re_assessment_falls_due_28_days_after_the_last_and_not_a_minute_sooner()
    {
        var last = Now.AddDays(-28);
        Assert.True(Reminders.ReassessmentDue(last, Now, Rules));
        Assert.False(Reminders.ReassessmentDue(last.AddMinutes(1), Now, Rules));
        Assert.Equal(Now, Reminders.NextAssessment(last, Rules));
    }

    [Fact]
    public void Without_any_assessment_there_is_no_re_assessment_reminder() =>
        Assert.False(Reminders.ReassessmentDue(null, Now, Rules));

    [Fact]
    public void The_check_in_is_due_when_never_done_or_a_week_after_the_last()
    {
        Assert.True(Reminders.CheckinDue(null, Now, Rules));
        Assert.True(Reminders.CheckinDue(Now.AddDays(-7), Now, Rules));
        Assert.False(Reminders.CheckinDue(Now.AddDays(-6.9), Now, Rules));
    }

    [Fact]
    public void Pain_as_bad_as_eight_weeks_ago_brings_the_talk_to_your_clinician_reminder()
    {
        var diary = DailyPain(69, 56, 6).Concat(DailyPain(13, 0, 5.5m)).ToList();
        var due = Reminders.Due(Now.AddDays(-3), Now.AddDays(-1), diary, Today, Now);
        Assert.Equal([Reminder.NotImproving], due);
    }

    [Fact]
    public void A_drop_of_a_point_or_more_since_eight_weeks_ago_is_improvement_and_brings_no_reminder()
    {
        var diary = DailyPain(69, 56, 6).Concat(DailyPain(13, 0, 5)).ToList();
        Assert.False(Reminders.NotImproving(diary, Today));
    }

    [Fact]
    public void Without_pain_logged_eight_weeks_ago_nothing_can_be_said_about_improvement() =>
        Assert.False(Reminders.NotImproving(DailyPain(13, 0, 6), Today));

    [Fact]
    public void Every_due_reminder_is_listed_with_the_most_important_first()
    {
        var diary = DailyPain(69, 56, 6).Concat(DailyPain(13, 0, 6)).ToList();
        var due = Reminders.Due(Now.AddDays(-30), null, diary, Today, Now);
        Assert.Equal([Reminder.NotImproving, Reminder.Reassess, Reminder.CheckIn], due);
    }
}
