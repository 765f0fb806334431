using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Safety;

/// <summary>Where a warning sign was seen: an answer in the latest assessment, or a symptom logged in the diary.</summary>
public enum SafetyOrigin
{
    Assessment,
    Diary,
}

/// <summary>One warning sign in force, with the urgency it carries now and when it was last seen.</summary>
public sealed record SafetyReason(string Item, Urgency Urgency, SafetyOrigin From, DateTimeOffset Time)
{
    /// <summary>The sign in plain words, from assessment-rules.json.</summary>
    public string Says => WarningSigns.Says(Item);
}

/// <summary>The latest assessment's answers and when it was taken.</summary>
public sealed record AssessmentTaken(AssessmentAnswers Answers, DateTimeOffset TakenAt);

/// <summary>
/// The one safety state every surface reads: the warning signs of the latest assessment and of every red-flag
/// symptom in the diary since the latest <c>checked</c> row, with the highest urgency among them. It never expires
/// with time; only a recorded check clears it, and a sign logged after the check raises it again at once.
/// </summary>
public sealed record SafetyState(
    Urgency Urgency,
    IReadOnlyList<SafetyReason> Reasons,
    IReadOnlyList<RedFlag> Unanswered,
    DateTimeOffset? CheckedAt)
{
    public static SafetyState Clear { get; } = new(Urgency.Routine, [], [], null);

    /// <summary>Any warning sign in force: a card on every page, and the plan holds at its stage.</summary>
    public bool NeedsHelp => Urgency > Urgency.Routine;

    /// <summary>Emergency or today: one full-screen card first on every page.</summary>
    public bool FullScreen => Urgency >= Urgency.Today;

    /// <summary>Urgent or higher: no exercise advice anywhere, exercises paused with the reason.</summary>
    public bool PausesExercise => Urgency >= Urgency.Urgent;

    /// <summary>Computes the state as of <paramref name="now"/>; entries after it are ignored.</summary>
    public static SafetyState Of(AssessmentTaken? assessment, IEnumerable<DiaryEntry> diary, DateTimeOffset now)
    {
        var entries = diary.Where(e => e.Time <= now).ToList();
        DateTimeOffset? checkedAt = entries.Where(e => e.Type == EntryType.Checked)
            .Select(e => e.Time).DefaultIfEmpty().MaxBy(t => t.UtcDateTime) is { } last && last != default ? last : null;

        var seen = new List<(string Item, SafetyOrigin From, DateTimeOffset Time)>();
        IReadOnlyList<RedFlag> unanswered = [];
        if (assessment is not null && assessment.TakenAt <= now && !(checkedAt >= assessment.TakenAt))
        {
            // Re-assessed under today's rules, so answers given before a rule changed still count as they should now.
            var result = AssessmentEngine.Assess(assessment.Answers);
            seen.AddRange(result.RedFlags.Select(r => (r.Item, SafetyOrigin.Assessment, assessment.TakenAt)));
            unanswered = result.UnansweredRedFlags;
        }
        var rules = AssessmentRules.Current.RedFlags;
        seen.AddRange(entries
            .Where(e => e.Type == EntryType.Symptom && e.Value > 0 && rules.Contains(e.Item) && !(checkedAt >= e.Time))
            .Select(e => (e.Item, SafetyOrigin.Diary, e.Time)));

        var raised = RedFlagRules.Raise(seen.Select(s => s.Item)).ToDictionary(r => r.Item, r => r.Urgency);
        List<SafetyReason> reasons = [.. seen.GroupBy(s => s.Item)
            .Select(g => g.MaxBy(s => s.Time.UtcDateTime))
            .Select(s => new SafetyReason(s.Item, raised[s.Item], s.From, s.Time))
            .OrderByDescending(r => r.Urgency).ThenByDescending(r => r.Time.UtcDateTime)];
        var urgency = reasons.Count == 0 ? Urgency.Routine : reasons[0].Urgency;
        return new SafetyState(urgency, reasons, unanswered, checkedAt);
    }
}
