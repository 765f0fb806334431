using Nervewise.Data.Diary;
using Nervewise.Data.Plan;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Documents.Time;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Plan;

/// <summary>
/// A person's plan as the pages and the API show it: the decision from their diary and settings, this week's
/// sessions, and whether to ask about this morning's pain. Always for the signed-in owner.
/// </summary>
public sealed class PlanService(DiaryStore diary, PlanSettingsStore settings, SafetyService safety, TimeProvider clock, IHttpContextAccessor reader)
{
    public const string DefaultRegion = "posterior-thigh";

    /// <summary>Everything the plan page shows. <see cref="Offset"/> is the person's own time zone, from their latest entry.</summary>
    public sealed record View(
        PlanResult Result, WeekPlan Week, PlanSettings Settings, DateOnly Today, TimeSpan Offset,
        SessionCheck? MorningQuestion, string UsualRegion, IReadOnlyList<DiaryEntry> Entries)
    {
        /// <summary>The one safety state (Domain/Safety/SafetyState.cs), as the plan was decided with it.</summary>
        public SafetyState Safety => Result.Safety;

        /// <summary>Urgent or higher: no sessions, no logging, no calendar, no exercise advice until a doctor has seen the person.</summary>
        public bool ExercisesPaused => Result.Safety.PausesExercise;
    }

    /// <summary>
    /// The plan now, or, with <paramref name="stage"/> or <paramref name="pathway"/>, as it would be there (the API's
    /// what-if). A stage alone stays on the pathway already chosen when it is one of its stages, else on its own.
    /// </summary>
    public Task<View> ForAsync(string ownerId, Stage? stage = null, Pathway? pathway = null, CancellationToken cancellationToken = default) =>
        BuildAsync(ownerId, stage, pathway, null, cancellationToken);

    /// <summary>The plan now as the reader sees it: "today" and the morning hours are those of their own zone.</summary>
    public Task<View> ForReaderAsync(string ownerId, PersonZone zone, CancellationToken cancellationToken = default) =>
        BuildAsync(ownerId, null, null, zone, cancellationToken);

    /// <summary>Without a zone, "today" is in the offset of the latest entry, as before zones were kept.</summary>
    private async Task<View> BuildAsync(string ownerId, Stage? stage, Pathway? pathway, PersonZone? zone, CancellationToken cancellationToken)
    {
        var entries = await diary.EntriesAsync(ownerId, cancellationToken);
        var own = await settings.GetAsync(ownerId, cancellationToken);
        if (stage is not null || pathway is not null)
        {
            var onPathway = pathway
                ?? (stage is { } alone && own.ChosenPathway is { } chosen && RehabNames.Belongs(chosen, alone) ? chosen : RehabNames.PathwayOf(stage!.Value));
            var onStage = stage ?? (own.Stage is { } kept && RehabNames.Belongs(onPathway, kept) ? kept : null);
            var same = own.ChosenPathway == onPathway && own.Stage == onStage;
            own = own with { Pathway = onPathway, Stage = onStage, StageSince = same ? own.StageSince : null };
        }
        var now = clock.GetUtcNow();
        var state = await safety.ForAsync(ownerId, cancellationToken);
        var assessment = await safety.LatestAssessmentAsync(ownerId, cancellationToken);
        var result = PlanEngine.Decide(entries, own, now, safety: state, assessment: assessment);
        // The day is the reader's own: the zone given, else the signed-in reader's (from the sign-in cookie); an account
        // with no zone yet keeps the offset of its latest entry, as before zones were kept.
        zone ??= Infrastructure.ReaderZone.ZoneOf(reader.HttpContext?.User);
        var offset = zone is not null ? zone.Local(now).Offset : entries.Count > 0 ? entries[^1].Time.Offset : TimeSpan.Zero;
        var local = now.ToOffset(offset);
        var today = DateOnly.FromDateTime(local.DateTime);
        var week = WeeklyPlan.For(result, own, today, entries, RehabRules.Current);
        if (state.PausesExercise)
        {
            // Red flags win: at urgent or higher the week holds no session to do, log or add to a calendar, and the
            // morning question about yesterday's session waits too. Every surface reading this view agrees.
            return new View(result, week with { Days = [.. week.Days.Select(d => d with { Sessions = [] })] }, own, today, offset,
                null, UsualRegion(entries, now), entries);
        }
        return new View(result, week, own, today, offset, MorningQuestion(result, local), UsualRegion(entries, now), entries);
    }

    /// <summary>
    /// The session to ask about this morning: one whose next morning is now and has no reading yet. Asked only in
    /// the morning hours, since a later reading says more about the day than about the night after the session.
    /// </summary>
    private static SessionCheck? MorningQuestion(PlanResult result, DateTimeOffset localNow)
    {
        var rules = RehabRules.Current;
        if (localNow.Hour < rules.PainRules.MorningFromHour.Whole || localNow.Hour >= rules.PainRules.MorningToHour.Whole)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(localNow.DateTime);
        return result.Sessions.LastOrDefault(s => s.Morning == RuleState.Waiting && PainRules.NextMorning(s.Session.End, rules).Date == today);
    }

    /// <summary>Where this person usually logs pain, for the one-tap morning answer.</summary>
    private static string UsualRegion(IReadOnlyList<DiaryEntry> entries, DateTimeOffset now) =>
        entries.Where(e => e.Type == EntryType.Pain && e.Time >= now.AddDays(-28))
            .GroupBy(e => e.Item).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(e => e.Time.UtcDateTime))
            .Select(g => g.Key).FirstOrDefault() ?? DefaultRegion;
}
