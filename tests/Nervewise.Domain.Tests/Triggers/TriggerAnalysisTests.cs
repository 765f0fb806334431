using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;

namespace Nervewise.Domain.Tests.Triggers;

public class TriggerAnalysisTests
{
    /// <summary>The reviewed rules, but willing to look at a handful of flare-ups so a diary can be worked by hand.</summary>
    private static readonly TriggerRules AnyFlareCount = TriggerRules.Current with
    {
        Flares = TriggerRules.Current.Flares with { Minimum = 1 },
    };

    /// <summary>
    /// One four-week block (days 0 to 27), every day logged. Long sitting from 09:00 to 12:00 on 7 days; flare-ups at
    /// 20:00 on 4 days, 3 of them sitting days. At 20:00 the 6–12 hour window holds exposures that ended after 08:00
    /// and by 14:00, so each flare-up's set is its own day and the 27 others at 20:00: 7 exposed of 28.
    /// </summary>
    private static DiaryBuilder HandWorked()
    {
        var diary = new DiaryBuilder().Logged(0, 27);
        foreach (var day in new[] { 2, 5, 9, 13, 17, 20, 24 })
        {
            diary.Activity(day, 9, 180);
        }
        return diary.Flare(5, 20).Flare(13, 20).Flare(20, 20).Flare(22, 20);
    }

    [Fact]
    public void A_small_diary_gives_the_hand_worked_odds_ratio_and_p_value()
    {
        var report = TriggerAnalysis.Analyse(HandWorked().Entries, AnyFlareCount);

        var finding = Assert.Single(report.Triggers, t => t.Exposure == "activity:sitting" && t.Dose == "long" && t.LagStartHours == 6);
        // Each set: 7 exposed of 28, so a case is exposed with chance 7θ / (7θ + 21). Three of four were:
        //   4 · 7θ / (7θ + 21) = 3  →  28θ = 21θ + 63  →  θ = 9.
        // Mantel–Haenszel gives the same: (3 · 21/28) / (1 · 7/28) = 9.
        Assert.Equal(9, finding.Effect, 1e-5);
        // P(T ≥ 3) with 4 cases at chance 1/4: 4 · (1/4)³ · (3/4) + (1/4)⁴ = 13/256.
        Assert.Equal(13.0 / 256, finding.P, 1e-12);
        Assert.Equal(4, finding.FlaresCompared);
        Assert.Equal(3, finding.FlaresAfter);
        Assert.Equal(1.0, finding.ExpectedByChance, 1e-12);
    }

    [Fact]
    public void Delays_count_from_when_the_exposure_ended()
    {
        // Sitting from 06:00 to 13:00 ends 7 hours before a 20:00 flare-up but began 14 hours before it.
        var diary = new DiaryBuilder().Logged(0, 27);
        foreach (var day in new[] { 1, 4, 8, 11, 15, 19, 23, 26 })
        {
            diary.Activity(day, 6, 420);
        }
        diary.Flare(4, 20).Flare(11, 20).Flare(19, 20).Flare(23, 20).Flare(26, 20).Flare(2, 20);

        var report = TriggerAnalysis.Analyse(diary.Entries, AnyFlareCount);

        var sitting = report.Triggers.Where(t => t.Exposure == "activity:sitting" && t.Dose == "any").ToList();
        Assert.Contains(sitting, t => t.LagStartHours == 6 && t.FlaresAfter == 5);
        Assert.DoesNotContain(sitting, t => t.LagStartHours == 12 && t.FlaresAfter > 0);
    }

    [Fact]
    public void A_check_in_counts_at_its_time()
    {
        var diary = new DiaryBuilder().Logged(0, 27);
        foreach (var day in new[] { 3, 7, 10, 16, 21, 25 })
        {
            diary.Checkin(day, 9, "stress", 3);
        }
        diary.Checkin(12, 9, "stress", 0).Flare(3, 11).Flare(10, 11).Flare(21, 11).Flare(14, 11);

        var report = TriggerAnalysis.Analyse(diary.Entries, AnyFlareCount);

        var stress = Assert.Single(report.Triggers, t => t.Exposure == "checkin:stress" && t.LagStartHours == 0);
        Assert.Equal(3, stress.FlaresAfter);
        Assert.Equal("some", stress.Dose);
    }

    [Fact]
    public void Dose_matters_long_sitting_is_told_from_short()
    {
        var diary = new DiaryBuilder().Logged(0, 55);
        var random = new Random(3);
        for (var day = 0; day <= 55; day++)
        {
            // Short sitting on every other day, long sitting on every third, ending in the same hours; flare-ups follow
            // only the long spells.
            if (day % 2 == 1)
            {
                diary.Activity(day, 11, 30);
            }
            if (day % 3 == 0)
            {
                diary.Activity(day, 9, 240);
                if (random.NextDouble() < 0.7)
                {
                    diary.Flare(day, 21);
                }
            }
        }

        var report = TriggerAnalysis.Analyse(diary.Entries, AnyFlareCount);

        var best = report.Triggers.Where(t => t.Exposure == "activity:sitting").OrderBy(t => t.P).First();
        Assert.Equal("long", best.Dose);
        Assert.Equal(6, best.LagStartHours);
        Assert.Contains("long sitting (2 hours or more)", best.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_flare_ups_give_no_triggers_and_say_how_many_more_are_needed()
    {
        var diary = HandWorked();

        var report = TriggerAnalysis.Analyse(diary.Entries);

        Assert.Empty(report.Triggers);
        Assert.Equal(4, report.Flares);
        Assert.NotNull(report.FlaresNeeded);
        Assert.True(report.FlaresNeeded >= TriggerRules.Current.Flares.Minimum);
        Assert.Contains($"There are 4 flare-ups", report.Message, StringComparison.Ordinal);
        Assert.Contains($"about {report.FlaresNeeded - 4} more", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flare_ups_needed_follow_the_normal_approximation()
    {
        // One test: level 0.05 one-sided (z = 1.6449), power 0.8 (z = 0.8416), p0 = 0.3, θ = 3 → p1 = 0.9/1.6 = 0.5625.
        // n = ((1.6449 · √(0.3·0.7) + 0.8416 · √(0.5625·0.4375)) / 0.2625)² = ((0.7538 + 0.4175) / 0.2625)² = 19.9 → 20.
        Assert.Equal(20, TriggerAnalysis.FlaresNeeded(1));
        // More tests need more flare-ups.
        Assert.True(TriggerAnalysis.FlaresNeeded(100) > TriggerAnalysis.FlaresNeeded(10));
    }

    [Fact]
    public void Flare_rows_within_two_hours_are_one_flare_up()
    {
        var diary = new DiaryBuilder().Logged(0, 3).Flare(1, 20).Flare(1, 21).Flare(1, 22.5).Flare(2, 20);

        var report = TriggerAnalysis.Analyse(diary.Entries);

        Assert.Equal(2, report.Flares);
    }

    [Fact]
    public void Days_with_nothing_logged_are_not_taken_for_days_without_exposure()
    {
        // Without day 12 logged, the flare-up on day 13 has no full 24-48 hour window, and day 12 is no comparison time.
        var full = TriggerAnalysis.Analyse(HandWorked().Entries, AnyFlareCount);
        var gap = new DiaryBuilder().Logged(0, 27, except: [12, 18]);
        foreach (var day in new[] { 2, 5, 9, 13, 17, 20, 24 })
        {
            gap.Activity(day, 9, 180);
        }
        gap.Flare(5, 20).Flare(13, 20).Flare(20, 20).Flare(22, 20);

        var report = TriggerAnalysis.Analyse(gap.Entries, AnyFlareCount);

        var sameDay = Assert.Single(report.Triggers, t => t.Exposure == "activity:sitting" && t.Dose == "long" && t.LagStartHours == 6);
        // Each set has lost days 12 and 18: 7 exposed of 26 now (neither was a sitting day).
        Assert.Equal(4 * 7 / 26.0, sameDay.ExpectedByChance, 1e-12);
        var nextDay = report.Triggers.Where(t => t.Exposure == "activity:sitting" && t.LagStartHours == 24).ToList();
        var fullNextDay = full.Triggers.Where(t => t.Exposure == "activity:sitting" && t.LagStartHours == 24).ToList();
        Assert.True(nextDay.Sum(t => t.FlaresCompared) < fullNextDay.Sum(t => t.FlaresCompared));
        Assert.Equal(26, report.DaysLogged);
    }

    [Fact]
    public void Exposures_logged_together_every_time_are_named_as_impossible_to_tell_apart()
    {
        var diary = SimulationDiary(deskWork: true);

        var report = TriggerAnalysis.Analyse(diary);

        // Desk work is logged with every long sitting spell: the two cannot be told apart; short sitting can.
        var pair = Assert.Single(report.Together);
        Assert.Equal(("activity:desk-work", "activity:sitting"), (pair.First, pair.Second));
        Assert.Equal("Desk work and long sitting (2 hours or more) were logged together nearly every time, so the diary cannot tell which of them matters.", pair.Summary);
        Assert.All(report.Triggers.Where(t => t.Exposure == "activity:sitting" && t.Dose == "long"),
            t => Assert.Contains("logged together with desk work", t.Summary, StringComparison.Ordinal));
        Assert.All(report.Triggers.Where(t => t.Exposure == "activity:sitting" && t.Dose == "any"), t => Assert.Empty(t.TogetherWith));
    }

    [Fact]
    public void An_empty_diary_or_one_without_exposures_says_so()
    {
        Assert.Contains("empty", TriggerAnalysis.Analyse([]).Message, StringComparison.Ordinal);
        var onlyFlares = new DiaryBuilder().Flare(1, 20).Flare(2, 20);
        Assert.Contains("Nothing that could come before", TriggerAnalysis.Analyse(onlyFlares.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_diary_gives_the_same_report_in_any_row_order()
    {
        var diary = SimulationDiary(deskWork: false);
        var shuffled = diary.OrderBy(e => e.GetHashCode()).ToList();

        Assert.Equal(TriggerDocument.From(TriggerAnalysis.Analyse(diary)).ToJson(), TriggerDocument.From(TriggerAnalysis.Analyse(shuffled)).ToJson());
    }

    [Fact]
    public void The_same_diary_gives_the_same_report_whatever_collection_holds_it()
    {
        // A list and an array are read in place, any other read-only list through a pooled copy, a sequence as a list.
        var diary = SimulationDiary(deskWork: false);
        var expected = TriggerDocument.From(TriggerAnalysis.Analyse(diary.ToList())).ToJson();

        Assert.False(diary is List<DiaryEntry> or DiaryEntry[]);
        Assert.Equal(expected, TriggerDocument.From(TriggerAnalysis.Analyse(diary)).ToJson());
        Assert.Equal(expected, TriggerDocument.From(TriggerAnalysis.Analyse(diary.ToArray())).ToJson());
        Assert.Equal(expected, TriggerDocument.From(TriggerAnalysis.Analyse(diary.Select(e => e))).ToJson());
        Assert.Equal(expected, TriggerDocument.From(TriggerAnalysis.Analyse(diary.Reverse().ToList().AsReadOnly())).ToJson());
        Assert.Equal(expected, TriggerDocument.From(TriggerAnalysis.Analyse(diary)).ToJson());
    }

    private static IReadOnlyList<DiaryEntry> SimulationDiary(bool deskWork) =>
        Simulation.SyntheticDiary.Generate(new Simulation.DiaryScenario(120, 25, null, 5, DeskWorkWithSitting: deskWork));
}
