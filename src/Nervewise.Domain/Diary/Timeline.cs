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
        var tally = new Tally(from, to);
        foreach (var e in entries)
        {
            if (e.Type is EntryType.Pain or EntryType.Flare)
            {
                tally.Add(dateOf(e.Time), e.Type == EntryType.Flare, e.Value, e.Item);
            }
        }
        return tally.Days();
    }

    /// <summary>
    /// The days being counted, one pain or flare-up entry at a time: a slot per day, so a page that reads its rows
    /// straight from the database builds the timeline without making an object per entry.
    /// </summary>
    public sealed class Tally
    {
        private readonly DateOnly _from;
        private readonly decimal?[] _worst;
        private readonly int?[] _reach;
        private readonly int[] _flares;
        private readonly bool[] _logged;

        public Tally(DateOnly from, DateOnly to)
        {
            _from = from;
            var count = Math.Max(0, to.DayNumber - from.DayNumber + 1);
            (_worst, _reach, _flares, _logged) = (new decimal?[count], new int?[count], new int[count], new bool[count]);
        }

        /// <summary>A pain or flare-up entry on a date; dates outside the span are left out.</summary>
        public void Add(DateOnly date, bool flare, decimal? value, string item)
        {
            var i = date.DayNumber - _from.DayNumber;
            if ((uint)i >= (uint)_logged.Length)
            {
                return;
            }
            _logged[i] = true;
            // The first of equal values stays, as Max keeps it.
            if (value is { } v && (_worst[i] is not { } worst || v > worst))
            {
                _worst[i] = v;
            }
            // Only pain above zero says how far down it reached.
            if (value > 0 && DiaryVocabulary.Reach(item) is var reach && (_reach[i] is not { } furthest || reach > furthest))
            {
                _reach[i] = reach;
            }
            if (flare)
            {
                _flares[i]++;
            }
        }

        public IReadOnlyList<Day> Days()
        {
            var days = new Day[_logged.Length];
            for (var i = 0; i < days.Length; i++)
            {
                var date = _from.AddDays(i);
                days[i] = _logged[i] ? new Day(date, _worst[i], _reach[i], _flares[i]) : new Day(date, null, null, 0);
            }
            return days;
        }
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
