using Nervewise.Domain.Clinic;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Home;

/// <summary>A reminder the home page shows when it is due.</summary>
public enum Reminder
{
    /// <summary>Four weeks since the last assessment: answer the questions again.</summary>
    Reassess,

    /// <summary>A week since the last check-in, or none yet.</summary>
    CheckIn,

    /// <summary>No improvement in 8 weeks: talk to a clinician about next steps (the caseload's own rule).</summary>
    NotImproving,
}

/// <summary>Which reminders are due, from the times of the last assessment and check-in and the diary. The clock is passed in.</summary>
public static class Reminders
{
    public static IReadOnlyList<Reminder> Due(
        DateTimeOffset? lastAssessment, DateTimeOffset? lastCheckin, IReadOnlyList<DiaryEntry> diary, DateOnly today, DateTimeOffset now,
        HomeRules? rules = null)
    {
        rules ??= HomeRules.Current;
        var due = new List<Reminder>();
        if (NotImproving(diary, today))
        {
            due.Add(Reminder.NotImproving);
        }
        if (ReassessmentDue(lastAssessment, now, rules))
        {
            due.Add(Reminder.Reassess);
        }
        if (CheckinDue(lastCheckin, now, rules))
        {
            due.Add(Reminder.CheckIn);
        }
        return due;
    }

    /// <summary>Due once the set number of days has passed since the last assessment. Never before the first: that is the first run's job.</summary>
    public static bool ReassessmentDue(DateTimeOffset? lastAssessment, DateTimeOffset now, HomeRules rules) =>
        lastAssessment is { } last && now - last >= TimeSpan.FromDays((double)rules.ReassessmentDays.Value);

    /// <summary>Due when there has been no check-in yet, or the set number of days has passed since the last one.</summary>
    public static bool CheckinDue(DateTimeOffset? lastCheckin, DateTimeOffset now, HomeRules rules) =>
        lastCheckin is not { } last || now - last >= TimeSpan.FromDays((double)rules.CheckinDays.Value);

    /// <summary>When the next re-assessment falls due, for "next one on …".</summary>
    public static DateTimeOffset NextAssessment(DateTimeOffset lastAssessment, HomeRules rules) =>
        lastAssessment.AddDays((double)rules.ReassessmentDays.Value);

    /// <summary>The clinician's caseload rule, reused so that both sides agree: the latest two weeks no better than 8 weeks before.</summary>
    public static bool NotImproving(IReadOnlyList<DiaryEntry> diary, DateOnly today) =>
        Caseload.NotImproving(diary, today, Caseload.Current) is not null;

    public static int NotImprovingWeeks => (int)Caseload.Current.NoImprovementWeeks.Value;
}
