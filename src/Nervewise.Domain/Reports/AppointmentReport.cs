using System.Globalization;
using System.Text;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.CheckIns;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Domain.Triggers;

namespace Nervewise.Domain.Reports;

/// <summary>
/// A summary for an appointment over the period the reader chose: warning signs first when any is in force, then the
/// current assessment, pain over time, flare-ups, check-ins, likely triggers, the rehab stage, the plan's changes and
/// the notes. The web page, the PDF and `nervewise report` all show this same content.
/// </summary>
public sealed record AppointmentReport(
    string Who,
    DateTimeOffset Made,
    AppointmentReport.SafetySection? Warnings,
    IReadOnlyList<string> Assessment,
    IReadOnlyList<AppointmentReport.Week> Weeks,
    int Flares,
    IReadOnlyList<string> RecentFlares,
    IReadOnlyList<string> Triggers,
    string Stage,
    IReadOnlyList<string> StageNotes)
{
    public const int WeeksShown = ReportPeriod.DefaultWeeks;

    /// <summary>Notes shown at most, newest first: the summary fits two printed pages.</summary>
    public const int NotesShown = 8;

    /// <summary>Plan changes shown at most, newest first, for the same reason; the rest are counted.</summary>
    public const int PlanChangesShown = 8;

    /// <summary>A note is cut here (with "…"); the whole note stays in the diary or on the record.</summary>
    public const int NoteLength = 280;

    /// <summary>The dates covered, both included.</summary>
    public ReportPeriod Period { get; init; }

    /// <summary>Per check-in area answered in the period, in the order the check-in asks them.</summary>
    public IReadOnlyList<AreaScore> CheckinAreas { get; init; } = [];

    /// <summary>How many check-ins were made in the period.</summary>
    public int Checkins { get; init; }

    /// <summary>The plan's changes in the period, newest first, in plain words.</summary>
    public IReadOnlyList<Dated> PlanChanges { get; init; } = [];

    /// <summary>The clinicians' notes and the diary's notes in the period, newest first, at most <see cref="NotesShown"/>.</summary>
    public IReadOnlyList<Dated> Notes { get; init; } = [];

    /// <summary>Plan changes in the period left out of <see cref="PlanChanges"/>.</summary>
    public int PlanChangesLeftOut { get; init; }

    /// <summary>"3 older changes in this period not shown."; null when none were left out. One wording for page, PDF and text.</summary>
    public string? PlanChangesLeftOutText => LeftOut(PlanChangesLeftOut, "change");

    /// <summary>The same for notes.</summary>
    public string? NotesLeftOutText => LeftOut(NotesLeftOut, "note");

    private static string? LeftOut(int count, string what) =>
        count > 0 ? $"{count} older {what}{(count == 1 ? "" : "s")} in this period not shown." : null;

    /// <summary>Notes in the period left out of <see cref="Notes"/>.</summary>
    public int NotesLeftOut { get; init; }

    /// <summary>
    /// The weeks the table lists: from the first with anything logged (a period chosen before the diary began would
    /// otherwise open with rows of dashes); every week when none has anything. The charts keep the whole period.
    /// </summary>
    public IReadOnlyList<Week> TableWeeks =>
        Weeks.SkipWhile(w => w.AverageWorst is null && w.Flares == 0 && w.Reach.Length == 0).ToList() is { Count: > 0 } logged ? logged : Weeks;

    /// <summary>The pain table's heading: as many weeks as it shows.</summary>
    public string WeeksTitle => Weeks.Count == 1 ? "Pain this week" : $"Pain over {Weeks.Count} weeks";

    /// <summary>The period in words: "1 September to 24 November 2026".</summary>
    public string PeriodText => Period.From.Year == Period.To.Year
        ? $"{Period.From.ToString("d MMMM", CultureInfo.InvariantCulture)} to {Period.To.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
        : $"{Period.From.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} to {Period.To.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// A week of the diary: <paramref name="Furthest"/> is how far down the leg the pain reached (0 low back to 5
    /// foot, <see cref="Timeline.ReachNames"/>), <paramref name="Reach"/> the same in words.
    /// </summary>
    public sealed record Week(DateOnly Monday, decimal? AverageWorst, decimal? Worst, int Flares, string Reach, int? Furthest = null);

    /// <summary>A check-in area over the period on the 0 to 4 scale: the average of its answers and the latest.</summary>
    public sealed record AreaScore(string Label, decimal Average, int Latest, int Answers);

    /// <summary>A dated line and who it is from: a note ("Alex Kim", "Diary, flare-up") or a plan change.</summary>
    public sealed record Dated(DateTimeOffset At, string Who, string Text);

    /// <summary>
    /// The report's first section, from the one safety state: its urgency headline, the signs in force with when and
    /// where they were seen, the safety questions left open, and the last check.
    /// </summary>
    public sealed record SafetySection(Urgency Urgency, string Headline, IReadOnlyList<string> Reasons, IReadOnlyList<string> Unanswered, string LastCheck);

    /// <summary>
    /// <paramref name="safety"/> is the person's one safety state (the web reads it with the assessment; the CLI from
    /// the diary alone). It decides the plan too, so the stage line never reads as going ahead while it is in force.
    /// </summary>
    public static AppointmentReport Build(
        string who, IReadOnlyList<DiaryEntry> entries, AssessmentDocument? latest, DateTimeOffset? assessedAt,
        PlanSettings settings, SafetyState safety, DateTimeOffset now, AssessmentTaken? taken = null,
        ReportPeriod? period = null, IReadOnlyList<Dated>? clinicianNotes = null, IReadOnlyList<Dated>? planChanges = null)
    {
        // now carries the reader's own offset (their zone), so today and "made on" are their dates, not UTC's.
        var today = DateOnly.FromDateTime(now.DateTime);
        var range = period ?? ReportPeriod.Default(today);
        // An entry belongs to the day it was written on, in its own offset, as on the timeline.
        bool InRange(DateTimeOffset at) => range.Holds(DateOnly.FromDateTime(at.DateTime));
        var days = Timeline.Days(entries, range.From, range.To);
        var weeks = days.GroupBy(d => Rehab.WeeklyPlan.MondayOf(d.Date))
            .Select(w =>
            {
                var pain = w.Where(d => d.WorstPain is not null).Select(d => d.WorstPain!.Value).ToList();
                var reach = w.Where(d => d.Reach is not null).Select(d => d.Reach!.Value).DefaultIfEmpty(-1).Max();
                return new Week(w.Key, pain.Count == 0 ? null : Math.Round(pain.Average(), 1), pain.Count == 0 ? null : pain.Max(),
                    w.Sum(d => d.Flares), reach < 0 ? "" : Timeline.ReachNames[reach], reach < 0 ? null : reach);
            })
            .ToList();
        if (period is null)
        {
            // By default the table starts at the first week with something logged, not with empty weeks before the
            // diary began; a period the reader chose is shown as chosen.
            weeks = [.. weeks.SkipWhile((w, i) => i < weeks.Count - 1 && w.AverageWorst is null && w.Flares == 0 && w.Reach.Length == 0)];
        }
        var flares = entries.Where(e => e.Type == EntryType.Flare && InRange(e.Time)).OrderByDescending(e => e.Time).ToList();
        var checkins = CheckIn.From(entries.Where(e => InRange(e.Time)));
        var notes = entries.Where(e => e.Note.Length > 0 && InRange(e.Time))
            .Select(e => new Dated(e.Time, $"Diary, {DiaryWords(e)}", e.Note))
            .Concat((clinicianNotes ?? []).Where(n => InRange(n.At)))
            .OrderByDescending(n => n.At)
            .ToList();
        var changes = (planChanges ?? []).Where(c => InRange(c.At)).OrderByDescending(c => c.At).ToList();

        var plan = PlanEngine.Decide(entries, settings, now, safety: safety, assessment: taken);
        var rules = RehabRules.Current;
        var stage = $"{rules.For(plan.Pathway).Name} pathway, {rules.For(plan.Pathway, plan.Stage).Name.ToLowerInvariant()}";
        // While warning signs are in force the plan says why it stops, never "stay at this stage" as if to carry on.
        var decision = plan.Safety.NeedsHelp ? Clinic.SafetyLines.ExercisesClause(plan.Safety) : plan.Decision switch
        {
            Decision.Progress => $"ready to move on to {rules.For(plan.Pathway, plan.NextStage).Name.ToLowerInvariant()}",
            Decision.Regress => $"step back to {rules.For(plan.Pathway, plan.NextStage).Name.ToLowerInvariant()}",
            Decision.SeekHelp => "see a doctor before going on",
            _ => "stay at this stage for now",
        };
        // The signs themselves are in the first section; here only what they mean for the plan.
        IReadOnlyList<string> stageNotes = plan.Safety.NeedsHelp
            ? [PlanWording.PauseForHelp(plan.Safety.Urgency), .. plan.Personal.Precautions.Select(p => $"Precaution: {p}")]
            : [.. PlanNotes(plan, settings, today, entries, rules)];

        var triggerLines = TriggerLines(TriggerAnalysis.Analyse(entries));

        return new AppointmentReport(
            who,
            now,
            SafetySectionOf(safety, entries, who),
            latest is null ? ["No assessment yet."] : AssessmentLines(latest, assessedAt),
            weeks,
            flares.Count,
            [.. flares.Take(5).Select(f => $"{f.Time:d MMM yyyy, HH:mm}: {f.Value:0.#}/10, reaching the {DiaryVocabulary.Words(f.Item)}")],
            triggerLines,
            $"{stage}: {decision}.",
            stageNotes)
        {
            Period = range,
            CheckinAreas = AreaScores(checkins),
            Checkins = checkins.Count,
            PlanChanges = [.. changes.Take(PlanChangesShown)],
            PlanChangesLeftOut = Math.Max(0, changes.Count - PlanChangesShown),
            Notes = [.. notes.Take(NotesShown).Select(n => n with { Text = Shortened(n.Text) })],
            NotesLeftOut = Math.Max(0, notes.Count - NotesShown),
        };
    }

    /// <summary>Each area answered in the period, in the check-in's order: its average and its latest answer.</summary>
    private static List<AreaScore> AreaScores(IReadOnlyList<CheckIn> checkins) =>
        [.. CheckinContent.Current.Areas
            .Select(area => (area.Label, Answers: checkins.Where(c => c.Scores.ContainsKey(area.AreaId)).Select(c => c.Scores[area.AreaId]).ToList()))
            .Where(a => a.Answers.Count > 0)
            .Select(a => new AreaScore(a.Label, Math.Round((decimal)a.Answers.Average(), 1), a.Answers[^1], a.Answers.Count))];

    private static string DiaryWords(DiaryEntry entry) => entry.Type switch
    {
        EntryType.Flare => "flare-up",
        EntryType.Pain => "pain",
        EntryType.Checkin => "check-in",
        EntryType.Exercise => "exercise",
        EntryType.Symptom => "symptom",
        EntryType.Activity => "activity",
        EntryType.Sleep => "sleep",
        EntryType.Relief => "relief",
        _ => "check by a professional",
    };

    private static string Shortened(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= NoteLength ? line : line[..(NoteLength - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// The same lines as "What comes before my flare-ups": one per exposure that stood out, each with the flare-ups
    /// behind it, then the hints the page lists as worth keeping an eye on.
    /// </summary>
    public static IReadOnlyList<string> TriggerLines(TriggerReport triggers)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var rules = TriggerRules.Current;
        var headlines = triggers.Headlines();
        List<string> lines = headlines.Count > 0
            ? [.. headlines.Take(3).Select(t => $"{t.Summary} {TriggerWording.Counts(t, triggers.Flares, rules)}")]
            : [triggers.Message ?? "Nothing stood out before the flare-ups so far."];
        lines.AddRange(triggers.Hints().Select(t => $"Worth keeping an eye on: {t.Summary}"));
        return lines;
    }

    /// <summary>
    /// What the plan means now: why this pathway, the agreed level, the reasons, a dose cut, the precautions of other
    /// possible sources and the stage's own exercises with this person's doses.
    /// </summary>
    private static IEnumerable<string> PlanNotes(PlanResult plan, PlanSettings settings, DateOnly today, IReadOnlyList<DiaryEntry> entries, RehabRules rules)
    {
        if (plan.PathwayNote is { } note)
        {
            yield return note;
        }
        yield return $"Agreed pain level during sessions: {plan.AgreedPainLevel}/10.";
        foreach (var reason in plan.Reasons)
        {
            yield return reason;
        }
        if (plan.DoseCut)
        {
            yield return $"Dose cut within the stage to {Math.Round(rules.Adjustments.DoseCutShare.Value * 100)} % (sessions went above the agreed level but settled by the next morning).";
        }
        foreach (var precaution in plan.Personal.Precautions)
        {
            yield return $"Precaution: {precaution}";
        }
        var week = Rehab.WeeklyPlan.For(plan, settings, today, entries, rules);
        var exercises = week.Days.SelectMany(d => d.Sessions).DistinctBy(s => s.Exercise.Id)
            .Select(s => $"{s.Exercise.Name} ({s.Dose.Describe()})").ToList();
        if (exercises.Count > 0)
        {
            yield return $"Exercises: {string.Join("; ", exercises)}.";
        }
    }

    /// <summary>The warning-sign section, or null when no sign is in force and no safety question is open.</summary>
    private static SafetySection? SafetySectionOf(SafetyState safety, IReadOnlyList<DiaryEntry> entries, string who)
    {
        if (!safety.NeedsHelp && safety.Unanswered.Count == 0)
        {
            return null;
        }
        var headline = safety.NeedsHelp
            ? AssessmentWording.For(safety.Urgency).Headline
            : AssessmentWording.Routine([.. safety.Unanswered.Select(u => u.Item)]).Headline;
        return new SafetySection(
            safety.Urgency,
            headline,
            [.. safety.Reasons.Select(Clinic.SafetyLines.Reason)],
            [.. safety.Unanswered.Select(Clinic.SafetyLines.Unanswered)],
            Clinic.SafetyLines.LastCheck(safety, entries, who));
    }

    private static List<string> AssessmentLines(AssessmentDocument latest, DateTimeOffset? at)
    {
        var result = latest.ToResult();
        var lines = new List<string>
        {
            $"Taken {at?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "recently"}. Most likely source: {SourceWords.Clinical(latest.PrimarySource)}{(latest.Mixed ? " (more than one source likely)" : "")}.",
        };
        lines.AddRange(latest.Sources.Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{SourceWords.Capital(SourceWords.Clinical(s.Source))}: {SourceWords.Level(s.Level)} ({s.Likelihood:P0})")));
        // The urgency stored with the answers; the warning signs in force now are in the first section.
        lines.Add($"When assessed: {AssessmentWording.Short(Names.ParseUrgency(latest.Urgency))}. {AssessmentWording.Of(result.Imaging)}");
        return lines;
    }

    /// <summary>The report as plain text (Markdown), for a terminal or a file.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        Line($"# Nervewise summary for {Who}");
        Line($"Made {Made.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, covering {PeriodText}. Guidance, not a diagnosis.");
        Line();
        if (Warnings is { } warnings)
        {
            Line("## Warning signs");
            Line($"**{warnings.Headline}**");
            Line();
            warnings.Reasons.ToList().ForEach(r => Line($"- {r}"));
            warnings.Unanswered.ToList().ForEach(u => Line($"- {u}"));
            Line();
            Line(warnings.LastCheck);
            Line();
        }
        Line("## Assessment");
        Assessment.ToList().ForEach(a => Line($"- {a}"));
        Line();
        Line($"## {WeeksTitle}");
        Line("| Week of | Average worst | Worst | Flare-ups | Furthest down |");
        Line("|---|---|---|---|---|");
        foreach (var week in TableWeeks)
        {
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {week.Monday:d MMM} | {week.AverageWorst?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"} | {week.Worst?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"} | {week.Flares} | {(week.Reach.Length == 0 ? "-" : week.Reach)} |"));
        }
        Line();
        Line($"## Flare-ups: {Flares}");
        RecentFlares.ToList().ForEach(f => Line($"- {f}"));
        Line();
        Line($"## Check-ins: {Checkins}");
        if (CheckinAreas.Count > 0)
        {
            Line("| Area | Average (0 to 4) | Latest |");
            Line("|---|---|---|");
            CheckinAreas.ToList().ForEach(a => Line(string.Create(CultureInfo.InvariantCulture, $"| {a.Label} | {a.Average:0.#} | {a.Latest} |")));
        }
        Line();
        Line("## What tends to come before flare-ups");
        Triggers.ToList().ForEach(t => Line($"- {t}"));
        Line();
        Line("## Rehab stage");
        Line(Stage);
        StageNotes.ToList().ForEach(n => Line($"- {n}"));
        Line();
        Line("## Changes to the plan");
        Line(PlanChanges.Count == 0 ? "No changes in this period." : "");
        PlanChanges.ToList().ForEach(c => Line($"- {c.At.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, {c.Who}: {c.Text}"));
        if (PlanChangesLeftOutText is { } changesLeftOut)
        {
            Line($"- {changesLeftOut}");
        }
        Line();
        Line("## Notes");
        Line(Notes.Count == 0 ? "No notes in this period." : "");
        Notes.ToList().ForEach(n => Line($"- {n.At.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, {n.Who}: {n.Text}"));
        if (NotesLeftOutText is { } notesLeftOut)
        {
            Line($"- {notesLeftOut}");
        }
        return text.ToString();
    }
}
