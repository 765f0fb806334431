using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Reports;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Tests.Reports;

/// <summary>Issue 17: the summary covers the dates the reader chooses; notes, changes and check-ins follow them.</summary>
public sealed class ReportPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void By_default_it_is_the_twelve_whole_weeks_up_to_today()
    {
        var period = ReportPeriod.Default(Today);

        Assert.Equal(new DateOnly(2026, 9, 7), period.From); // a Monday, eleven weeks before this week's
        Assert.Equal(Today, period.To);
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-10", "from", "The start date is after the end date. Choose an earlier start.")]
    [InlineData(null, "2026-11-25", "to", "The end date is in the future. Choose today or an earlier day.")]
    [InlineData("2025-01-01", "2026-11-24", "from", "The summary covers a year at most. Choose a later start date.")]
    public void Dates_that_make_no_sense_name_the_field(string? from, string to, string field, string problem)
    {
        var read = ReportPeriod.Read(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), Today);

        Assert.Null(read.Period);
        Assert.Equal(field, read.Field);
        Assert.Equal(problem, read.Problem);
    }

    [Fact]
    public void A_missing_start_counts_twelve_weeks_back_from_the_end()
    {
        var (period, _, _) = ReportPeriod.Read(null, new DateOnly(2026, 10, 31), Today);

        Assert.Equal(new ReportPeriod(ReportPeriod.Default(new DateOnly(2026, 10, 31)).From, new DateOnly(2026, 10, 31)), period);
    }

    [Fact]
    public void Flare_ups_check_ins_notes_and_changes_outside_the_period_are_left_out()
    {
        DiaryEntry[] diary =
        [
            DiaryEntry.Create(Now.AddDays(-30), EntryType.Flare, "calf", 7, 20, "Old flare-up."),
            DiaryEntry.Create(Now.AddDays(-3), EntryType.Flare, "calf", 6, 20, "New flare-up.\nSecond line."),
            DiaryEntry.Create(Now.AddDays(-30), EntryType.Checkin, "sleep", 4, null, ""),
            DiaryEntry.Create(Now.AddDays(-2), EntryType.Checkin, "sleep", 2, null, ""),
            DiaryEntry.Create(Now.AddDays(-1), EntryType.Checkin, "sleep", 1, null, ""),
        ];
        AppointmentReport.Dated[] notes = [new(Now.AddDays(-40), "Alex Kim", "Old note."), new(Now.AddDays(-1), "Alex Kim", new string('x', 400))];
        AppointmentReport.Dated[] changes = [new(Now.AddDays(-40), "Clinician", "Old change."), new(Now.AddDays(-5), "Clinician", "Agreed pain level set to 4/10.")];

        var report = AppointmentReport.Build("Sam Patel", diary, null, null, PlanSettings.None, SafetyState.Of(null, diary, Now), Now,
            period: new ReportPeriod(Today.AddDays(-13), Today), clinicianNotes: notes, planChanges: changes);

        Assert.Equal(new ReportPeriod(Today.AddDays(-13), Today), report.Period);
        Assert.Equal("11 November to 24 November 2026", report.PeriodText);
        Assert.Equal(1, report.Flares);
        Assert.Equal(2, report.Checkins);
        var sleep = Assert.Single(report.CheckinAreas);
        Assert.Equal(("Sleep trouble", 1.5m, 1, 2), (sleep.Label, sleep.Average, sleep.Latest, sleep.Answers));
        Assert.Equal(["Agreed pain level set to 4/10."], report.PlanChanges.Select(c => c.Text));
        Assert.Equal(2, report.Notes.Count);
        Assert.Equal(AppointmentReport.NoteLength, report.Notes[0].Text.Length); // cut, with "…"
        Assert.EndsWith("…", report.Notes[0].Text, StringComparison.Ordinal);
        Assert.Equal(("Diary, flare-up", "New flare-up. Second line."), (report.Notes[1].Who, report.Notes[1].Text));
        // The chosen period is shown whole: two full weeks and the start of a third (11 Nov is a Wednesday).
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], report.Weeks.Select(w => w.Monday));
        Assert.Contains("## Notes", report.ToMarkdown(), StringComparison.Ordinal);
    }
}
