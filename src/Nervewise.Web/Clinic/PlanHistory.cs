using System.Globalization;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Clinic;

/// <summary>
/// The plan history in plain words, for the person's settings page and the clinician's record: "Moved to the
/// sit-bone tendon pathway, holds" rather than field names and codes. Changes saved together read as one line.
/// </summary>
public static class PlanHistory
{
    public sealed record Line(DateTimeOffset At, string Role, string Says);

    public static IReadOnlyList<Line> Lines(IEnumerable<PlanSettingsChangeRecord> history, RehabRules rules) =>
        [.. history
            .GroupBy(c => (c.ChangedAt, c.ChangedById, c.ChangedByRole))
            .OrderByDescending(g => g.Key.ChangedAt)
            .Select(g => new Line(g.Key.ChangedAt, g.Key.ChangedByRole, Says([.. g], rules)))];

    /// <summary>One save's changes as one sentence (or a few, joined).</summary>
    public static string Says(IReadOnlyList<PlanSettingsChangeRecord> changes, RehabRules rules)
    {
        var parts = new List<string>();
        var pathway = changes.FirstOrDefault(c => c.Field == "pathway");
        var stage = changes.FirstOrDefault(c => c.Field == "stage");
        Pathway? on = RehabNames.TryParsePathway(pathway?.NewValue, out var p) ? p : null;
        if (pathway is not null)
        {
            if (on is { } moved)
            {
                var where = $"Moved to the {rules.For(moved).Name.ToLowerInvariant()} pathway";
                parts.Add(stage?.NewValue is { } first && RehabNames.TryParseStage(first, moved, out var s)
                    ? $"{where}, {rules.For(moved, s).Name.ToLowerInvariant()}"
                    : $"{where}, the stage following the diary");
            }
            else
            {
                parts.Add("Pathway and stage back to following the assessment and the diary");
            }
        }
        else if (stage is not null)
        {
            parts.Add(RehabNames.TryParseStage(stage.NewValue, out var s)
                ? $"Stage set to {StageName(s, rules)}"
                : "Stage back to following the diary");
        }
        foreach (var change in changes.Where(c => c.Field is not ("pathway" or "stage")))
        {
            parts.Add(change.Field switch
            {
                "agreedPainLevel" => change.NewValue is { } level
                    ? $"Agreed pain level set to {level}/10"
                    : $"Agreed pain level back to the plan's own{(change.OldValue is { } old ? $" (was {old}/10)" : "")}",
                "safetyCheckedAt" => change.NewValue is null ? "Professional check of warning signs removed" : "Warning signs recorded as checked by a professional",
                _ when change.Field.StartsWith("doses.", StringComparison.Ordinal) => DoseLine(change, rules),
                _ => $"{change.Field} changed",
            });
        }
        return string.Join(". ", parts) + ".";
    }

    /// <summary>A stage's own name; a stage shared by every pathway (full training) is the same name on each.</summary>
    private static string StageName(Stage stage, RehabRules rules) =>
        rules.For(RehabNames.PathwayOf(stage), stage).Name.ToLowerInvariant();

    private static string DoseLine(PlanSettingsChangeRecord change, RehabRules rules)
    {
        var id = change.Field["doses.".Length..];
        var name = rules.FindExercise(id)?.Name.ToLowerInvariant() ?? id;
        return change.NewValue is { } dose ? $"Dose of {name} set to {DoseWords(dose)}" : $"Dose of {name} back to the plan's";
    }

    /// <summary>"reps 8, perWeek 3" (as stored) in words: "8 repetitions, 3 times a week".</summary>
    public static string DoseWords(string stored) => string.Join(", ", stored.Split(", ").Select(part =>
    {
        var bits = part.Split(' ');
        if (bits.Length != 2 || !int.TryParse(bits[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return part;
        }
        return bits[0] switch
        {
            "minutes" => $"{n} min a session",
            "sets" => n == 1 ? "1 set" : $"{n} sets",
            "reps" => n == 1 ? "1 repetition" : $"{n} repetitions",
            "holdSeconds" => $"{n}-second holds",
            "perWeek" => Dose.Frequency(n),
            _ => part,
        };
    }));
}
