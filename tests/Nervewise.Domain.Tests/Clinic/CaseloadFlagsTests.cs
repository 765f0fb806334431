using Nervewise.Domain.Clinic;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Tests.Clinic;

public sealed class CaseloadFlagsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static DiaryEntry Entry(double daysAgo, EntryType type, string item, decimal value) =>
        DiaryEntry.Create(Now.AddDays(-daysAgo), type, item, value, null, "");

    private static CaseloadFlags Flags(DateTimeOffset? lastOpened, params DiaryEntry[] diary) =>
        CaseloadFlags.Of(diary, Caseload.Assess(diary, SafetyState.Of(null, diary, Now), Now), lastOpened, Now);

    [Fact]
    public void The_filters_overlap_a_person_with_warning_signs_can_also_flare_and_not_improve()
    {
        List<DiaryEntry> diary =
        [
            .. Enumerable.Range(50, 14).Select(d => Entry(d, EntryType.Pain, "calf", 6)),
            .. Enumerable.Range(0, 14).Select(d => Entry(d, EntryType.Pain, "calf", 6)),
            Entry(3, EntryType.Flare, "calf", 8),
            Entry(6.9, EntryType.Flare, "calf", 8),
            Entry(2, EntryType.Symptom, "foot-drop", 1),
        ];
        var flags = Flags(Now.AddDays(-1), [.. diary]);
        Assert.Equal(new CaseloadFlags(WarningSigns: true, FlaresThisWeek: 2, NoImprovement: true, NotSeen: false), flags);
        Assert.All(Enum.GetValues<CaseloadFilter>().Where(f => f != CaseloadFilter.NotSeen), f => Assert.True(flags.Matches(f)));
        Assert.False(flags.Matches(CaseloadFilter.NotSeen));
    }

    [Theory]
    [InlineData(6.9, 1)]
    [InlineData(7.1, 0)] // still a "recent flare-up" for the order (14 days), but not this week
    public void Flare_ups_count_for_the_last_seven_days_only(double daysAgo, int expected) =>
        Assert.Equal(expected, Flags(Now, Entry(daysAgo, EntryType.Flare, "calf", 7)).FlaresThisWeek);

    [Theory]
    [InlineData(null, true)]
    [InlineData(15.0, true)]
    [InlineData(13.0, false)]
    public void Not_seen_means_the_record_was_not_opened_in_fourteen_days(double? openedDaysAgo, bool notSeen) =>
        Assert.Equal(notSeen, Flags(openedDaysAgo is { } d ? Now.AddDays(-d) : null, Entry(1, EntryType.Pain, "calf", 3)).NotSeen);

    [Fact]
    public void The_windows_come_from_the_reviewed_rules_file()
    {
        Assert.Equal(7, Caseload.Current.FlaresThisWeekDays.Value);
        Assert.Equal(14, Caseload.Current.NotSeenDays.Value);
        Assert.False(string.IsNullOrWhiteSpace(Caseload.Current.NotSeenDays.Source));
    }
}
