using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Reports;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Tests.Reports;

public sealed class AppointmentReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly DiaryEntry[] Diary =
    [
        DiaryEntry.Create(Now.AddDays(-9), EntryType.Pain, "posterior-thigh", 4, null, ""),
        DiaryEntry.Create(Now.AddDays(-8), EntryType.Pain, "calf", 6, null, ""),
        DiaryEntry.Create(Now.AddDays(-8).AddHours(2), EntryType.Flare, "calf", 7, 30, ""),
        DiaryEntry.Create(Now.AddDays(-1), EntryType.Pain, "buttock", 2, null, ""),
    ];

    /// <summary>As the CLI builds it: the safety state from the diary alone.</summary>
    private static AppointmentReport Build(IReadOnlyList<DiaryEntry> diary, AssessmentTaken? assessment = null) =>
        AppointmentReport.Build("pat@example.com", diary, null, null, PlanSettings.None, SafetyState.Of(assessment, diary, Now), Now);

    private static DiaryEntry Symptom(int daysAgo, string item) => DiaryEntry.Create(Now.AddDays(-daysAgo), EntryType.Symptom, item, 1, null, "");

    [Fact]
    public void It_sums_pain_by_week_and_lists_the_flare_ups()
    {
        var report = Build(Diary);

        // Issue 16: the table starts at the first week with something logged (the week of 9 November), not with
        // nine empty weeks before the diary began; it still reaches this week.
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], report.Weeks.Select(w => w.Monday));
        Assert.Equal("Pain over 3 weeks", report.WeeksTitle); // issue 17: the period is the reader's, not always "the last"
        // 15 November is a Sunday: its pain of 4 belongs to the week of the 9th. On the 16th the pain was 6 and a
        // flare-up reached 7, so that day's worst, and the week's average worst, is 7.
        Assert.Equal(4m, Assert.Single(report.Weeks, w => w.Monday == new DateOnly(2026, 11, 9)).AverageWorst);
        var week = Assert.Single(report.Weeks, w => w.Monday == new DateOnly(2026, 11, 16));
        Assert.Equal(7m, week.AverageWorst);
        Assert.Equal(1, week.Flares);
        Assert.Equal(1, report.Flares);
        Assert.Contains("reaching the calf", report.RecentFlares[0], StringComparison.Ordinal);
        Assert.Equal(["No assessment yet."], report.Assessment);
        Assert.StartsWith("Nerve pain pathway, settle", report.Stage, StringComparison.Ordinal);
        Assert.Null(report.Warnings); // nothing in force, nothing asked: no section
        Assert.StartsWith("Nothing that could come before a flare-up", report.Triggers[0], StringComparison.Ordinal); // no exposures logged: it says so
    }

    [Fact]
    public void A_chosen_period_keeps_its_weeks_for_the_charts_but_the_table_starts_at_the_first_week_with_entries()
    {
        var report = AppointmentReport.Build("pat@example.com", Diary, null, null, PlanSettings.None, SafetyState.Of(null, Diary, Now), Now,
            period: ReportPeriod.Default(DateOnly.FromDateTime(Now.DateTime)));

        Assert.Equal(12, report.Weeks.Count);
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], report.TableWeeks.Select(w => w.Monday));
        Assert.DoesNotContain($"| {report.Weeks[0].Monday.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)} |", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_diary_keeps_one_week_in_the_table()
    {
        var report = Build([]);

        Assert.Equal([new DateOnly(2026, 11, 23)], report.Weeks.Select(w => w.Monday));
        Assert.Equal("Pain this week", report.WeeksTitle);
    }

    [Fact]
    public void The_markdown_has_every_section()
    {
        var text = Build(Diary).ToMarkdown();
        foreach (var heading in new[] { "## Assessment", "## Pain over 3 weeks", "## Flare-ups: 1", "## Check-ins: 0", "## What tends to come before flare-ups", "## Rehab stage", "## Changes to the plan", "## Notes" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("bladder-bowel-change", Urgency.Emergency)]
    [InlineData("foot-drop", Urgency.Today)]
    [InlineData("cancer-history", Urgency.Urgent)]
    public void At_urgent_or_higher_warning_signs_come_first_and_the_stage_says_exercises_are_paused(string item, Urgency urgency)
    {
        // Logged 60 days ago and never checked: red flags do not expire.
        var report = Build([.. Diary, Symptom(60, item)]);

        var warnings = Assert.IsType<AppointmentReport.SafetySection>(report.Warnings);
        Assert.Equal(urgency, warnings.Urgency);
        Assert.Equal(AssessmentWording.For(urgency).Headline, warnings.Headline);
        Assert.Contains(warnings.Reasons, r => r.Contains(WarningSigns.Says(item)[1..], StringComparison.Ordinal) && r.Contains("25 Sep 2026", StringComparison.Ordinal));
        Assert.Equal("No check by a doctor or physiotherapist recorded yet.", warnings.LastCheck);
        Assert.Equal("Nerve pain pathway, settle: exercises are paused until a doctor has seen the person about the warning signs.", report.Stage);
        Assert.Equal([PlanWording.PauseForHelp(urgency)], report.StageNotes); // no pain level or dose to go ahead with

        var text = report.ToMarkdown();
        Assert.True(text.IndexOf("## Warning signs", StringComparison.Ordinal) < text.IndexOf("## Assessment", StringComparison.Ordinal));
        Assert.DoesNotContain("stay at this stage", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Agreed pain level", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Soon_holds_the_stage_and_a_check_removes_the_section()
    {
        var soon = Build([.. Diary, Symptom(3, "weakness")]);
        Assert.Equal(Urgency.Soon, soon.Warnings!.Urgency);
        Assert.Equal("Nerve pain pathway, settle: the plan holds at this stage until a physiotherapist or doctor has checked the warning signs.", soon.Stage);

        var checkedRow = DiaryEntry.Create(Now.AddDays(-1), EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null,
            "Recorded by physio@example.com (clinician). Cleared: your leg or foot feels weak, and it is not getting worse.");
        var cleared = Build([.. Diary, Symptom(3, "weakness"), checkedRow]);
        Assert.Null(cleared.Warnings);
        Assert.DoesNotContain("## Warning signs", cleared.ToMarkdown(), StringComparison.Ordinal);
        Assert.StartsWith("Nerve pain pathway, settle: stay at this stage", cleared.Stage, StringComparison.Ordinal);

        var again = Build([.. Diary, Symptom(3, "weakness"), checkedRow, Symptom(0, "saddle-numbness")]);
        Assert.Equal(Urgency.Emergency, again.Warnings!.Urgency);
        Assert.Equal("Last check recorded 23 Nov 2026 by physio@example.com (clinician).", again.Warnings.LastCheck);
        Assert.Single(again.Warnings.Reasons); // the weakness was checked; only the new sign is in force
    }

    [Fact]
    public void Unanswered_red_flags_of_the_latest_assessment_are_listed()
    {
        var answers = new AssessmentAnswers.Builder().Boolean("pins-and-needles", true).Build();
        var report = Build(Diary, new AssessmentTaken(answers, Now.AddDays(-2)));

        var warnings = Assert.IsType<AppointmentReport.SafetySection>(report.Warnings);
        Assert.Empty(warnings.Reasons);
        Assert.Equal(AssessmentWording.Routine(["x"]).Headline, warnings.Headline);
        foreach (var rule in AssessmentRules.Current.RedFlags.Items.Where(r => r.Item != "progressive-weakness"))
        {
            Assert.Contains(warnings.Unanswered, line => line.StartsWith($"Not answered: {rule.Says} (if yes: ", StringComparison.Ordinal));
        }
        Assert.StartsWith("Nerve pain pathway, settle: stay at this stage", report.Stage, StringComparison.Ordinal); // open questions do not stop the plan
    }

    [Fact]
    public void A_tendon_assessment_gives_a_stage_line_that_names_the_pathway_with_its_note_and_exercises()
    {
        var rules = RehabRules.Current;
        var taken = new AssessmentTaken(AssessmentInput.Parse(
            """{"sit-bone-pain": true, "pain-sitting-on-sit-bone": true, "gradual-onset-load-change": true, "warms-up-with-activity": true}"""), Now.AddDays(-2));

        var report = AppointmentReport.Build("pat@example.com", Diary, null, null, PlanSettings.None, SafetyState.Of(taken, Diary, Now), Now, taken);

        Assert.StartsWith("Sit-bone tendon pathway, holds: ", report.Stage, StringComparison.Ordinal);
        Assert.Contains(report.StageNotes, n => n.Contains("points mainly to sit-bone tendon", StringComparison.Ordinal));
        var exercises = Assert.Single(report.StageNotes, n => n.StartsWith("Exercises: ", StringComparison.Ordinal));
        foreach (var item in rules.For(Pathway.Tendon, Stage.Isometric).Plan)
        {
            Assert.Contains(rules.FindExercise(item.Exercise)!.Name, exercises, StringComparison.Ordinal);
        }
        Assert.Contains("Sit-bone tendon pathway, holds", report.ToMarkdown(), StringComparison.Ordinal);
    }
}
