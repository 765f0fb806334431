using Nervewise.Domain.Assessment;
using Nervewise.Domain.Clinic;
using Nervewise.Domain.Diary;

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
    public void A_red_flag_symptom_in_the_last_month_comes_first_even_with_flare_ups()
    {
        var standing = Caseload.Assess([Flare(1), Symptom(20, "saddle-numbness")], null, Now);
        Assert.Equal(Need.RedFlag, standing.Need);
        Assert.Contains("saddle numbness", standing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_red_flag_no_longer_ranks_first()
    {
        Assert.Equal(Need.RecentFlare, Caseload.Assess([Flare(3), Symptom(45, "saddle-numbness")], null, Now).Need);
    }

    [Theory]
    [InlineData(Urgency.Soon, Need.RedFlag)]
    [InlineData(Urgency.Emergency, Need.RedFlag)]
    [InlineData(Urgency.Routine, Need.Steady)]
    public void The_latest_assessment_urgency_counts(Urgency urgency, Need expected) =>
        Assert.Equal(expected, Caseload.Assess([Pain(1, 3)], urgency, Now).Need);

    [Fact]
    public void A_flare_up_within_fourteen_days_is_recent_and_one_at_fifteen_is_not()
    {
        Assert.Equal(Need.RecentFlare, Caseload.Assess([Flare(13)], null, Now).Need);
        Assert.Equal(Need.Steady, Caseload.Assess([Flare(15)], null, Now).Need);
    }

    [Fact]
    public void Pain_as_bad_as_eight_weeks_ago_is_no_improvement()
    {
        // Worst pain 6 every day for the two weeks ending 56 days ago, and 5.5 on average now: a drop of 0.5, under 1.
        var entries = DailyPain(69, 56, 6).Concat(DailyPain(13, 0, 5)).Concat(DailyPain(13, 7, 6)).ToList();
        var standing = Caseload.Assess(entries, null, Now);
        Assert.Equal(Need.NoImprovement, standing.Need);
        Assert.Contains("8 weeks", standing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_of_a_point_or_more_is_improvement()
    {
        var entries = DailyPain(69, 56, 6).Concat(DailyPain(13, 0, 5)).ToList();
        Assert.Equal(Need.Steady, Caseload.Assess(entries, null, Now).Need);
    }

    [Fact]
    public void Without_pain_logged_eight_weeks_ago_nothing_is_claimed()
    {
        Assert.Equal(Need.Steady, Caseload.Assess(DailyPain(20, 0, 7), null, Now).Need);
    }

    [Fact]
    public void The_sparkline_covers_four_weeks_and_the_last_entry_is_the_newest()
    {
        var standing = Caseload.Assess([Pain(2, 4), Pain(30, 8)], null, Now);
        Assert.Equal(28, standing.RecentPain.Count);
        Assert.Equal(4, standing.RecentPain[^3]);
        Assert.Equal(Now.AddDays(-2), standing.LastEntry);
    }
}
