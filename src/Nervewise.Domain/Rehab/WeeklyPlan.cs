using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>One exercise on one day: its dose for this person, and the session logged for it, if any.</summary>
public sealed record PlannedSession(RehabRules.Exercise Exercise, Dose Dose, bool OwnDose, DiaryEntry? Logged);

public sealed record PlanDay(DateOnly Date, IReadOnlyList<PlannedSession> Sessions);

public sealed record WeekPlan(Stage Stage, DateOnly Monday, IReadOnlyList<PlanDay> Days)
{
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

    public static WeekPlan For(Stage stage, PlanSettings settings, DateOnly anyDay, IEnumerable<DiaryEntry> entries, RehabRules rules)
    {
        var monday = MondayOf(anyDay);
        var logged = entries.Where(e => e.Type == EntryType.Exercise)
            .ToLookup(e => (e.Item, Date: DateOnly.FromDateTime(e.Time.DateTime)));
        var planned = rules.For(stage).Plan
            .Select(item => (Exercise: rules.FindExercise(item.Exercise)!, Dose: settings.DoseFor(rules, stage, item.Exercise)))
            .ToList();
        var days = Enumerable.Range(0, 7).Select(offset =>
        {
            var date = monday.AddDays(offset);
            return new PlanDay(date, [.. planned
                .Where(p => DaysFor(p.Dose.PerWeek).Contains(offset))
                .Select(p => new PlannedSession(p.Exercise, p.Dose, settings.DoseOverrides.ContainsKey(p.Exercise.Id),
                    logged[(p.Exercise.Id, date)].LastOrDefault()))]);
        });
        return new WeekPlan(stage, monday, [.. days]);
    }
}
