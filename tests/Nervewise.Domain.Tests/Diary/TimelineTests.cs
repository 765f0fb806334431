using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Tests.Diary;

public class TimelineTests
{
    private static readonly TimeSpan Plus1 = TimeSpan.FromHours(1);

    private static DiaryEntry Pain(int day, int hour, string region, int value) =>
        DiaryEntry.Create(new DateTimeOffset(2026, 3, day, hour, 0, 0, Plus1), EntryType.Pain, region, value, null, null);

    private static DiaryEntry Flare(int day, string region, int value) =>
        DiaryEntry.Create(new DateTimeOffset(2026, 3, day, 22, 0, 0, Plus1), EntryType.Flare, region, value, 30, null);

    [Fact]
    public void Each_day_has_its_worst_pain_its_furthest_reach_and_its_flares()
    {
        var days = Timeline.Days([Pain(2, 9, "buttock", 3), Pain(2, 18, "calf", 5), Flare(2, "foot", 8), Pain(3, 9, "foot", 0)],
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 3));

        Assert.Equal(3, days.Count);
        Assert.Equal(new Timeline.Day(new DateOnly(2026, 3, 1), null, null, 0), days[0]);
        Assert.Equal(new Timeline.Day(new DateOnly(2026, 3, 2), 8, 5, 1), days[1]);
        // Zero pain in the foot is not pain reaching the foot.
        Assert.Equal(new Timeline.Day(new DateOnly(2026, 3, 3), 0, null, 0), days[2]);
    }

    [Fact]
    public void An_entry_counts_on_the_local_date_it_was_written()
    {
        var lateEvening = DiaryEntry.Create(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.FromHours(-5)), EntryType.Pain, "calf", 4, null, null);

        var days = Timeline.Days([lateEvening], new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3));

        Assert.Equal(4, days[0].WorstPain);
        Assert.Null(days[1].WorstPain);
    }

    [Theory]
    [InlineData("foot", "calf", Timeline.Direction.Retreating)]
    [InlineData("back-of-knee", "foot", Timeline.Direction.Spreading)]
    [InlineData("calf", "shin", Timeline.Direction.Same)]
    public void The_furthest_reach_this_week_is_compared_with_the_week_before(string before, string now, Timeline.Direction expected)
    {
        var days = Timeline.Days([Pain(3, 9, before, 5), Pain(10, 9, now, 5)], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 14));

        Assert.Equal(expected, Timeline.Trend(days).Direction);
    }

    [Fact]
    public void Without_two_weeks_of_pain_records_it_says_so()
    {
        var days = Timeline.Days([Pain(13, 9, "calf", 5)], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 14));

        Assert.Equal(Timeline.Direction.NotEnoughData, Timeline.Trend(days).Direction);
    }
}
