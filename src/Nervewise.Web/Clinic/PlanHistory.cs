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
    /// <summary>One save: when, by whom (<see cref="ById"/>, for a name on the clinician's record), and what changed.</summary>
    public sealed record Line(DateTimeOffset At, string Role, string Says, string ById = "");

    public static IReadOnlyList<Line> Lines(IEnumerable<PlanSettingsChangeRecord> history, RehabRules rules) =>
        [.. history
            .GroupBy(c => (c.ChangedAt, c.ChangedById, c.ChangedByRole))
            .OrderByDescending(g => g.Key.ChangedAt)
            .Select(g => new Line(g.Key.ChangedAt, g.Key.ChangedByRole, Says([.. g], rules), g.Key.ChangedById))];

    /// <summary>One save's changes as one sentence (or a few, joined): "Moved from settle to general movement. Agreed pain level set to 4/10."</summary>
    public static string Says(IReadOnlyList<PlanSettingsChangeRecord> changes, RehabRules rules) =>
        string.Join(". ", Parts(changes, rules).Select(p => char.ToUpperInvariant(p.Said[0]) + p.Said[1..])) + ".";

    /// <summary>
    /// The clinician's changes told to the person, as Today says them: "moved you from settle to sliders and set your
    /// agreed pain level to 4/10". Oldest save first, so the sentence follows what happened.
    /// </summary>
    public static string ToldToPerson(IEnumerable<PlanSettingsChangeRecord> changes, RehabRules rules)
    {
        var told = changes.GroupBy(c => c.ChangedAt).OrderBy(g => g.Key).SelectMany(g => Parts([.. g], rules)).Select(p => p.Told).ToList();
        return told.Count <= 1 ? string.Concat(told) : $"{string.Join(", ", told.Take(told.Count - 1))} and {told[^1]}";
    }

    private static List<(string Said, string Told)> Parts(IReadOnlyList<PlanSettingsChangeRecord> changes, RehabRules rules)
    {
        var parts = new List<(string Said, string Told)>();
        var pathway = changes.FirstOrDefault(c => c.Field == "pathway");
        var stage = changes.FirstOrDefault(c => c.Field == "stage");
        Pathway? on = RehabNames.TryParsePathway(pathway?.NewValue, out var p) ? p : null;
        if (pathway is not null)
        {
            if (on is { } moved)
            {
                var where = $"the {rules.For(moved).Name.ToLowerInvariant()} pathway";
                var step = stage?.NewValue is { } first && RehabNames.TryParseStage(first, moved, out var s)
                    ? rules.For(moved, s).Name.ToLowerInvariant()
                    : "the stage following the diary";
                parts.Add(($"moved to {where}, {step}", $"moved you to {where}, {step}"));
            }
            else
            {
                parts.Add(("pathway and stage back to following the assessment and the diary", "put your pathway and stage back to following the assessment and your diary"));
            }
        }
        else if (stage is not null)
        {
            var from = RehabNames.TryParseStage(stage.OldValue, out var was) ? StageName(was, rules) : null;
            if (RehabNames.TryParseStage(stage.NewValue, out var s))
            {
                var to = StageName(s, rules);
                parts.Add(from is null ? ($"stage set to {to}", $"moved you to {to}") : ($"moved from {from} to {to}", $"moved you from {from} to {to}"));
            }
            else
            {
                parts.Add(("stage back to following the diary", "let your diary choose your stage again"));
            }
        }
        foreach (var change in changes.Where(c => c.Field is not ("pathway" or "stage")))
        {
            parts.Add(change.Field switch
            {
                "agreedPainLevel" => change.NewValue is { } level
                    ? ($"agreed pain level set to {level}/10{(change.OldValue is { } before ? $" (was {before}/10)" : "")}", $"set your agreed pain level to {level}/10")
                    : ($"agreed pain level back to the plan's own{(change.OldValue is { } old ? $" (was {old}/10)" : "")}", "put your agreed pain level back to the plan's own"),
                "safetyCheckedAt" => change.NewValue is null
                    ? ("professional check of warning signs removed", "removed the record of a professional check of your warning signs")
                    : ("warning signs recorded as checked by a professional", "recorded that your warning signs were checked"),
                _ when change.Field.StartsWith("doses.", StringComparison.Ordinal) => DoseLine(change, rules),
                _ => ($"{change.Field} changed", $"changed your {change.Field}"),
            });
        }
        return parts;
    }

    /// <summary>A stage's own name; a stage shared by every pathway (full training) is the same name on each.</summary>
    private static string StageName(Stage stage, RehabRules rules) =>
        rules.For(RehabNames.PathwayOf(stage), stage).Name.ToLowerInvariant();

    private static (string Said, string Told) DoseLine(PlanSettingsChangeRecord change, RehabRules rules)
    {
        var id = change.Field["doses.".Length..];
        var name = rules.FindExercise(id)?.Name.ToLowerInvariant() ?? id;
        return change.NewValue is { } dose
            ? ($"dose of {name} set to {DoseWords(dose)}", $"set your {name} to {DoseWords(dose)}")
            : ($"dose of {name} back to the plan's", $"put your {name} back to the plan's dose");
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
