namespace Nervewise.Domain.Diary;

/// <summary>
/// The diary by day: the worst pain, how far down the leg it reached, and flare-ups; and whether the pain
/// has been retreating up the leg, which is good news. Days are the local dates the entries were written in.
/// </summary>
public static class Timeline
{
    public sealed record Day(DateOnly Date, decimal? WorstPain, int? Reach, int Flares);

    public enum Direction
    {
        NotEnoughData,
        Retreating,
        Same,
        Spreading,
    }

    public sealed record ReachTrend(Direction Direction, int? ThisWeek, int? WeekBefore);

    /// <summary>
    /// One point per day from <paramref name="from"/> to <paramref name="to"/>, empty days included. A day is the
    /// reader's (<paramref name="dateOf"/>, e.g. their time zone's date); without one, each entry's own local date.
    /// </summary>
    public static IReadOnlyList<Day> Days(IEnumerable<DiaryEntry> entries, DateOnly from, DateOnly to, Func<DateTimeOffset, DateOnly>? dateOf = null)
    {
        dateOf ??= time => DateOnly.FromDateTime(time.DateTime);
        var byDay = entries
            .Where(e => e.Type is EntryType.Pain or EntryType.Flare)
            .GroupBy(e => dateOf(e.Time))
            .ToDictionary(g => g.Key, g => g.ToList());
        var days = new List<Day>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!byDay.TryGetValue(date, out var list))
            {
                days.Add(new Day(date, null, null, 0));
                continue;
            }
            var hurting = list.Where(e => e.Value > 0).ToList();
            days.Add(new Day(
                date,
                list.Max(e => e.Value),
                hurting.Count == 0 ? null : hurting.Max(e => DiaryVocabulary.Reach(e.Item)),
                list.Count(e => e.Type == EntryType.Flare)));
        }
        return days;
    }

    /// <summary>The furthest reach of the last seven days against the seven before.</summary>
    public static ReachTrend Trend(IReadOnlyList<Day> days)
    {
        static int? Furthest(IEnumerable<Day> week) => week.Select(d => d.Reach).Where(r => r is not null).Max();
        var thisWeek = Furthest(days.TakeLast(7));
        var weekBefore = Furthest(days.SkipLast(7).TakeLast(7));
        var direction = (thisWeek, weekBefore) switch
        {
            (null, _) or (_, null) => Direction.NotEnoughData,
            var (now, before) when now < before => Direction.Retreating,
            var (now, before) when now > before => Direction.Spreading,
            _ => Direction.Same,
        };
        return new ReachTrend(direction, thisWeek, weekBefore);
    }

    /// <summary>Names for reach levels 0 (low back) to 5 (foot).</summary>
    public static readonly IReadOnlyList<string> ReachNames = ["low back", "buttock or sit bone", "back of thigh", "back of knee", "calf or shin", "foot"];
}
