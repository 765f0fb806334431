using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>
/// One week's sessions as the diary holds them. <see cref="Logged"/> counts every session row of the week, so work the
/// plan does not hold (sliders logged while the plan still says settle) is seen rather than dropped;
/// <see cref="OfPlan"/> counts, for each planned exercise, the days it was logged, up to the times it was planned.
/// </summary>
public sealed record WeekSessions(DateOnly Monday, int Logged, int OfPlan, int Planned, IReadOnlyList<WeekSessions.Outside> OutsidePlan)
{
    /// <summary>An exercise logged this week that this week's plan does not hold, and how many sessions of it.</summary>
    public sealed record Outside(string Exercise, int Sessions);
}

public static class Adherence
{
    /// <summary>
    /// The week of <paramref name="week"/>, each session dated by <paramref name="dateOf"/>: the person's own calendar
    /// day, so an evening session is not moved into another week by the reader's zone.
    /// </summary>
    public static WeekSessions Of(WeekPlan week, IEnumerable<DiaryEntry> diary, Func<DateTimeOffset, DateOnly> dateOf)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(dateOf);
        var planned = week.Days.SelectMany(d => d.Sessions).GroupBy(s => s.Exercise.Id).ToDictionary(g => g.Key, g => g.Count());
        var last = week.Monday.AddDays(6);
        var sessions = diary.Where(e => e.Type == EntryType.Exercise)
            .Select(e => (e.Item, Date: dateOf(e.Time)))
            .Where(e => e.Date >= week.Monday && e.Date <= last)
            .ToList();
        var ofPlan = sessions.Where(s => planned.ContainsKey(s.Item))
            .Distinct()
            .GroupBy(s => s.Item)
            .Sum(g => Math.Min(g.Count(), planned[g.Key]));
        var outside = sessions.Where(s => !planned.ContainsKey(s.Item))
            .GroupBy(s => s.Item)
            .Select(g => new WeekSessions.Outside(g.Key, g.Count()))
            .OrderByDescending(o => o.Sessions).ThenBy(o => o.Exercise, StringComparer.Ordinal)
            .ToList();
        return new WeekSessions(week.Monday, sessions.Count, ofPlan, planned.Values.Sum(), outside);
    }
}
