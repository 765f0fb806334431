using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Home;
using Nervewise.Domain.Safety;
using Nervewise.Web.Assessment;
using Nervewise.Web.Plan;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Home;

/// <summary>
/// The signed-in home page in one read: the plan for today, the latest assessment and the first week it suggests,
/// the pain of the last weeks, and which reminders are due. Time comes from the injected clock only.
/// </summary>
public sealed class HomeService(AssessmentStore assessments, PlanService plans, SafetyService safety, TimeProvider clock, IHttpContextAccessor reader)
{
    public sealed record Latest(Guid Id, DateTimeOffset TakenAt, AssessmentResult Result, IReadOnlyList<string> UnansweredSafety, FirstWeekPlan FirstWeek);

    public sealed record View(
        Latest? Assessment,
        PlanService.View Plan,
        bool FirstWeekStarted,
        bool PlanOnHold,
        bool AwaitingCheck,
        IReadOnlyList<Timeline.Day> Days,
        Timeline.ReachTrend Reach,
        IReadOnlyList<Reminder> Reminders,
        DateTimeOffset? LastCheckin,
        DateTimeOffset Now)
    {
        /// <summary>Set-up is finished once the questions have been answered; until then the home page offers to finish it.</summary>
        public bool SetupDone => Assessment is not null;

        public int Flares => Days.Sum(d => d.Flares);

        public bool Due(Reminder reminder) => Reminders.Contains(reminder);

        /// <summary>The one safety state, as the plan was decided with it. Every part of the home page reads this.</summary>
        public SafetyState Safety => Plan.Result.Safety;
    }

    public async Task<View> ForAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        var plan = await plans.ForAsync(ownerId, cancellationToken: cancellationToken);
        var latest = await LatestAsync(ownerId, cancellationToken);
        var now = clock.GetUtcNow();
        var rules = HomeRules.Current;

        // The plan's today is the reader's; each entry falls on the day their zone gives it (its own date without a zone).
        var zone = Infrastructure.ReaderZone.ZoneOf(reader.HttpContext?.User);
        var days = Timeline.Days(plan.Entries, plan.Today.AddDays(1 - rules.TrendDays.Whole), plan.Today, zone is null ? null : zone.DateOf);
        var checkins = plan.Entries.Where(e => e.Type == EntryType.Checkin).ToList();
        DateTimeOffset? lastCheckin = checkins.Count == 0 ? null : checkins.Max(e => e.Time);
        // One safety state for every surface: exercises pause at urgent or higher, and any warning sign waits for a check.
        var safety = plan.Result.Safety;
        var onHold = safety.PausesExercise;
        var awaitingCheck = safety.NeedsHelp;
        var due = Domain.Home.Reminders.Due(latest?.TakenAt, lastCheckin, plan.Entries, plan.Today, now, rules);
        if (onHold)
        {
            // While a doctor is needed, the instructions stand alone: no nudge towards the check-in or the questions.
            due = [.. due.Where(r => r is not (Reminder.CheckIn or Reminder.Reassess))];
        }
        return new View(latest, plan, FirstWeek.Started(plan.Settings, plan.Entries), onHold, awaitingCheck, days, Timeline.Trend(days), due, lastCheckin, now);
    }

    /// <summary>The latest assessment, with the first week the one safety state allows (the state is read once per request).</summary>
    public async Task<Latest?> LatestAsync(string ownerId, CancellationToken cancellationToken = default) =>
        await assessments.LatestAsync(ownerId, cancellationToken) is { } record
            ? Read(record, await safety.ForAsync(ownerId, cancellationToken))
            : null;

    private static Latest Read(Data.Assessments.AssessmentRecord record, SafetyState state)
    {
        // Shown as computed when it was taken, like the result page; the first week follows the safety state.
        var result = AssessmentStore.Result(record).ToResult();
        var answers = AssessmentStore.Answers(record);
        return new Latest(record.Id, record.TakenAt, result, AssessmentWording.UnansweredSafety(answers), FirstWeek.For(result, answers, state.Urgency));
    }
}
