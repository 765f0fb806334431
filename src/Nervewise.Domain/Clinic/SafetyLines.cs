using System.Globalization;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Clinic;

/// <summary>
/// The safety state in lines a clinician (and the appointment report) reads: each warning sign in the rules' own words
/// with when and where it was seen, the questions left open, and the last check with who recorded it.
/// </summary>
public static class SafetyLines
{
    private const string RecordedBy = "Recorded by ";
    private const string Cleared = ". Cleared:";

    /// <summary>"Numbness between your legs: … (logged in the diary on 3 Oct 2026)".</summary>
    public static string Reason(SafetyReason reason) =>
        $"{Capital(reason.Says)} ({(reason.From == SafetyOrigin.Diary ? "logged in the diary on" : "answered yes in the assessment of")} {Date(reason.Time)})";

    /// <summary>An open safety question of the latest assessment and what a yes would mean.</summary>
    public static string Unanswered(RedFlag flag) =>
        $"Not answered: {WarningSigns.Says(flag.Item)} (if yes: {Lower(AssessmentWording.Short(flag.Urgency))})";

    /// <summary>
    /// When the latest check was recorded and, from its <c>checked</c> row's note, by whom. <paramref name="person"/>
    /// names the person where the note says they recorded it themselves.
    /// </summary>
    public static string LastCheck(SafetyState state, IEnumerable<DiaryEntry> diary, string person)
    {
        if (state.CheckedAt is not { } at)
        {
            return "No check by a doctor or physiotherapist recorded yet.";
        }
        var row = diary.LastOrDefault(e => e.Type == EntryType.Checked && e.Time == at);
        return By(row?.Note ?? "", person) is { } by
            ? $"Last check recorded {Date(at)} by {by}."
            : $"Last check recorded {Date(at)}.";
    }

    /// <summary>
    /// Who recorded a check, from the note the web app writes ("Recorded by X. Cleared: …"); any other note (an
    /// imported diary) is shown whole, and an empty one gives null.
    /// </summary>
    public static string? By(string note, string person)
    {
        if (note.StartsWith(RecordedBy, StringComparison.Ordinal) && note.IndexOf(Cleared, StringComparison.Ordinal) is > 0 and var end)
        {
            var who = note[RecordedBy.Length..end];
            return who == "you" ? $"{person} (the person)" : who;
        }
        return note.Length == 0 ? null : $"the note \u201c{note}\u201d";
    }

    /// <summary>How the report and the record say what the plan does while warning signs are in force.</summary>
    public static string Exercises(SafetyState state) => Capital(ExercisesClause(state)) + ".";

    /// <summary>The same, to follow a stage name: "Nerve sliders: exercises are paused until …".</summary>
    public static string ExercisesClause(SafetyState state) => state.PausesExercise
        ? "exercises are paused until a doctor has seen the person about the warning signs"
        : "the plan holds at this stage until a physiotherapist or doctor has checked the warning signs";

    public static string Date(DateTimeOffset time) => time.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
