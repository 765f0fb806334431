using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>One exercise on one day: its dose for this person, and the session logged for it, if any.</summary>
public sealed record PlannedSession(RehabRules.Exercise Exercise, Dose Dose, bool OwnDose, DiaryEntry? Logged);

public sealed record PlanDay(DateOnly Date, IReadOnlyList<PlannedSession> Sessions);

public sealed record WeekPlan(Stage Stage, DateOnly Monday, IReadOnlyList<PlanDay> Days)
{
    public Pathway Pathway { get; init; } = Pathway.Nerve;

    public PlanDay? On(DateOnly date) => Days.FirstOrDefault(d => d.Date == date);
}

/// <summary>
/// A week of the stage's exercises, Monday to Sunday. An exercise done n times a week is spread evenly from Monday
/// (3 times: Monday, Wednesday, Friday), so exercises with the same count fall on the same days and rest days line up.
/// </summary>
public static class WeeklyPlan
{
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The days of the week (0 is Monday) for an exercise done <paramref name="perWeek"/> times.</summary>
    public static IReadOnlyList<int> DaysFor(int perWeek)
    {
        var times = Math.Clamp(perWeek, 1, 7);
        return [.. Enumerable.Range(0, times).Select(i => i * 7 / times)];
    }

    /// <summary>The week of a plan decision: the person's own exercises for the stage, with the dose cut when the plan says so.</summary>
    public static WeekPlan For(PlanResult plan, PlanSettings settings, DateOnly anyDay, IEnumerable<DiaryEntry> entries, RehabRules rules) =>
        For(plan.Step, plan.Personal.Items, plan.DoseCut, settings, anyDay, entries, rules);

    /// <summary>The week of a stage as the data file plans it, for anyone (the exercise library, the first week).</summary>
    public static WeekPlan For(PathwayStage step, PlanSettings settings, DateOnly anyDay, IEnumerable<DiaryEntry> entries, RehabRules rules) =>
        For(step, rules.For(step.Pathway, step.Stage).Plan, false, settings, anyDay, entries, rules);

    private static WeekPlan For(PathwayStage step, IReadOnlyList<RehabRules.PlanItem> items, bool doseCut, PlanSettings settings, DateOnly anyDay,
        IEnumerable<DiaryEntry> entries, RehabRules rules)
    {
        var stage = step.Stage;
        var monday = MondayOf(anyDay);
        var logged = entries.Where(e => e.Type == EntryType.Exercise)
            .ToLookup(e => (e.Item, Date: DateOnly.FromDateTime(e.Time.DateTime)));
        var planned = items
            .Select(item => (Exercise: rules.FindExercise(item.Exercise)!, Dose: DoseOf(item, doseCut, settings, step, rules)))
            .ToList();
        var days = Enumerable.Range(0, 7).Select(offset =>
        {
            var date = monday.AddDays(offset);
            return new PlanDay(date, [.. planned
                .Where(p => DaysFor(p.Dose.PerWeek).Contains(offset))
                .Select(p => new PlannedSession(p.Exercise, p.Dose, settings.DoseOverrides.ContainsKey(p.Exercise.Id),
                    logged[(p.Exercise.Id, date)].LastOrDefault()))]);
        });
        return new WeekPlan(stage, monday, [.. days]) { Pathway = step.Pathway };
    }

    private static Dose DoseOf(RehabRules.PlanItem item, bool doseCut, PlanSettings settings, PathwayStage step, RehabRules rules)
    {
        var dose = settings.DoseFor(rules, step.Pathway, step.Stage, item.Exercise) with { PerWeek = item.PerWeek };
        if (settings.DoseOverrides.TryGetValue(item.Exercise, out var own) && own.PerWeek is { } perWeek)
        {
            dose = dose with { PerWeek = perWeek };
        }
        return doseCut ? dose.Cut(rules.Adjustments.DoseCutShare.Value) : dose;
    }
}
