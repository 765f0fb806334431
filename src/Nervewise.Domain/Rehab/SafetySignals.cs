using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>A warning sign logged in the diary, with how soon it needs a professional.</summary>
public sealed record SafetySignal(string Item, DateTimeOffset Time, Urgency Urgency);

/// <summary>
/// Red flags win over every other rule: a red-flag symptom, or leg weakness that is new or worse, logged in the
/// lookback days and after the last professional check, means seek help.
/// </summary>
public static class SafetySignals
{
    public static IReadOnlyList<SafetySignal> Find(IReadOnlyList<DiaryEntry> entries, DateTimeOffset? checkedAt, DateTimeOffset now, RehabRules rules)
    {
        var from = now.AddDays(-rules.Decisions.RedFlagLookbackDays.Value);
        if (checkedAt is { } check && check > from)
        {
            from = check;
        }
        var symptoms = entries.Where(e => e.Type == EntryType.Symptom && e.Value > 0 && e.Time <= now).ToList();
        var recent = symptoms.Where(e => e.Time > from).ToList();

        var signals = recent.Where(e => DiaryVocabulary.RedFlagSymptoms.Contains(e.Item))
            .Select(e => new SafetySignal(e.Item, e.Time, UrgencyOf(e.Item)))
            .ToList();

        // Weakness the person already had before is known to their clinician; new or stronger weakness is not.
        var before = symptoms.Where(e => e.Item == "weakness" && e.Time <= from).Select(e => e.Value!.Value).DefaultIfEmpty(0).Max();
        if (recent.FirstOrDefault(e => e.Item == "weakness" && e.Value > before) is { } weakness)
        {
            signals.Add(new SafetySignal("weakness", weakness.Time, Urgency.Soon));
        }

        // Nerve signs in both legs with another warning sign or weakness is the contract's emergency.
        var escalate = AssessmentRules.Current.RedFlags.Items.Where(r => r.WithOtherRedFlagOrWeakness is not null).ToList();
        foreach (var rule in escalate)
        {
            if (signals.Any(s => s.Item == rule.Item) && (signals.Any(s => s.Item != rule.Item) || recent.Any(e => e.Item == "weakness")))
            {
                var raised = Names.ParseUrgency(rule.WithOtherRedFlagOrWeakness!);
                signals = [.. signals.Select(s => s.Item == rule.Item ? s with { Urgency = raised } : s)];
            }
        }

        // One line per sign, its latest time; the most urgent first.
        return [.. signals.GroupBy(s => s.Item).Select(g => g.MaxBy(s => s.Time.UtcDateTime)!)
            .OrderByDescending(s => s.Urgency).ThenByDescending(s => s.Time.UtcDateTime)];
    }

    private static Urgency UrgencyOf(string item) =>
        AssessmentRules.Current.RedFlags.Items.FirstOrDefault(r => r.Item == item) is { } rule
            ? Names.ParseUrgency(rule.Urgency)
            : Urgency.Urgent;
}
