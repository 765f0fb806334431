using Nervewise.Domain.Diary;
using Nervewise.Domain.Reports;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Domain.Triggers;
using Nervewise.Simulation;

namespace Nervewise.Domain.Tests.Triggers;

/// <summary>Issue 16: what a person reads about their triggers adds up, says one thing once, and reads the same everywhere.</summary>
public sealed class TriggerPlainWordsTests
{
    private static readonly TriggerRules Rules = TriggerRules.Current;
    private static readonly TriggerReport NineWeeks = TriggerAnalysis.Analyse(NineWeekDiary.Entries());

    [Fact]
    public void Every_finding_counts_the_flare_ups_logged_or_says_which_were_left_out_and_why()
    {
        Assert.Equal(20, NineWeeks.FlareRows);
        Assert.Equal(19, NineWeeks.Flares);
        Assert.NotEmpty(NineWeeks.Triggers);
        Assert.All(NineWeeks.Triggers, t =>
        {
            var c = t.Counts;
            Assert.Equal(NineWeeks.Flares, c.Counted + c.LeftOutForGaps + c.LeftOutNoComparison);
            Assert.InRange(c.After, t.FlaresAfter, c.Counted);
        });
        // 6 to 12 hours: every flare-up counts; 12 to 24 hours: the two after a day with nothing logged are left out.
        var sixToTwelve = NineWeeks.Triggers.First(t => t.Exposure == "activity:sitting" && t.LagStartHours == 6);
        Assert.Equal(
            $"{sixToTwelve.Counts.After} of the 19 flare-ups came 6 to 12 hours after {sixToTwelve.Words}; about {sixToTwelve.Counts.ByChance:0} would have if it made no difference.",
            TriggerWording.Counts(sixToTwelve, NineWeeks.Flares, Rules));
        var nextDay = NineWeeks.Triggers.First(t => t.Exposure == "activity:sitting" && t.LagStartHours == 12);
        Assert.Equal(17, nextDay.Counts.Counted);
        Assert.Contains("17 flare-ups that could be counted", TriggerWording.Counts(nextDay, NineWeeks.Flares, Rules), StringComparison.Ordinal);
        Assert.Contains("2 flare-ups of the 19 were left out: a day in the 24 hours before them has nothing logged",
            TriggerWording.Counts(nextDay, NineWeeks.Flares, Rules), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exposure_at_several_doses_and_delays_is_one_line()
    {
        // Sitting and long sitting stand out at several delays: one line, and never again as a hint.
        Assert.True(NineWeeks.Significant.Count(t => t.Exposure == "activity:sitting") > 1);
        var headline = Assert.Single(NineWeeks.Headlines());
        Assert.Equal("activity:sitting", headline.Exposure);
        Assert.DoesNotContain(NineWeeks.Hints(), h => h.Exposure == headline.Exposure);
        Assert.Equal(NineWeeks.Significant.Count(t => t.Exposure == "activity:sitting") - 1, NineWeeks.AlsoFor(headline).Count);
    }

    [Fact]
    public void A_sentence_never_gives_a_number_the_diary_cannot_support_nor_an_interval()
    {
        var open = NineWeeks.Triggers.Where(t => t.CiHigh is null && t.Effect >= 1).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, t =>
        {
            Assert.Contains(Rules.Wording.OpenEnded, t.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("times as likely", t.Summary, StringComparison.Ordinal);
            Assert.StartsWith("At least ", TriggerWording.Range(t), StringComparison.Ordinal);
        });
        Assert.All(NineWeeks.Triggers, t =>
        {
            Assert.DoesNotContain("upper limit", t.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("interval", t.Summary, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void What_was_not_checked_says_how_often_it_was_logged_and_why()
    {
        var diary = new DiaryBuilder().Logged(0, 62);
        for (var day = 0; day <= 62; day++)
        {
            diary.Activity(day, 7, 30, "walking"); // the same time every day: nothing to compare with
            if (day % 2 == 0)
            {
                diary.Activity(day, 13, 180);
            }
            if (day % 7 == 6)
            {
                diary.Checkin(day, 20, "enjoyment", day == 34 ? 3 : 1); // nine check-ins, rated 2 or more once, far from flare-ups
            }
        }
        foreach (var day in new[] { 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22 })
        {
            diary.Flare(day, 23);
        }

        var report = TriggerAnalysis.Analyse(diary.Entries);

        var enjoyment = Assert.Single(report.NotChecked, n => n.Exposure == "checkin:enjoyment");
        Assert.True(enjoyment.TooRare);
        Assert.Equal(9, enjoyment.TimesLogged);
        Assert.Equal("Enjoyment (check-in) was logged 9 times, rated 2 or more only once: too few near the flare-ups to check.", enjoyment.Words);
        var walking = Assert.Single(report.NotChecked, n => n.Exposure == "activity:walking");
        Assert.False(walking.TooRare);
        Assert.Equal("Walking was logged 63 times, at the same times nearly every day, so there were no times without it to compare with.", walking.Words);
        Assert.Equal(["checkin:enjoyment"], report.TooRare);
    }

    [Fact]
    public void The_appointment_report_shows_the_same_lines_as_the_page()
    {
        var entries = NineWeekDiary.Entries();
        var now = entries.Max(e => e.Time).AddDays(1);

        var report = AppointmentReport.Build("pat@example.com", entries, null, null, PlanSettings.None, SafetyState.Of(null, entries, now), now);

        var headline = Assert.Single(NineWeeks.Headlines());
        Assert.Equal(AppointmentReport.TriggerLines(NineWeeks), report.Triggers);
        Assert.Equal($"{headline.Summary} {TriggerWording.Counts(headline, 19, Rules)}", report.Triggers[0]);
        Assert.Contains(report.Triggers[0], report.ToMarkdown(), StringComparison.Ordinal);
    }
}
