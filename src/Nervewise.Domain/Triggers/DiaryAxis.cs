using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Triggers;

/// <summary>
/// The diary on one time axis: hours since local midnight of the first entry's day (in that entry's offset), and
/// which whole days from there have at least one entry. A day with no entry is unknown, not empty.
/// </summary>
internal sealed class DiaryAxis
{
    private readonly DateTimeOffset _origin;
    private readonly int[] _loggedBefore;

    public DiaryAxis(ReadOnlySpan<DiaryEntry> sortedEntries)
    {
        var first = sortedEntries[0].Time;
        _origin = new DateTimeOffset(first.Date, first.Offset);
        LastDay = Day(Hours(sortedEntries[^1].Time));
        var logged = new bool[LastDay + 1];
        foreach (var entry in sortedEntries)
        {
            logged[Day(Hours(entry.Time))] = true;
        }
        _loggedBefore = new int[LastDay + 2];
        for (var day = 0; day <= LastDay; day++)
        {
            _loggedBefore[day + 1] = _loggedBefore[day] + (logged[day] ? 1 : 0);
        }
    }

    public int LastDay { get; }

    public int DaysLogged => _loggedBefore[^1];

    public double Hours(DateTimeOffset time) => (time - _origin).TotalHours;

    public static int Day(double hours) => (int)Math.Floor(hours / 24);

    /// <summary>Whether every day from <paramref name="fromDay"/> to <paramref name="toDay"/> has an entry.</summary>
    public bool AllLogged(int fromDay, int toDay) =>
        fromDay >= 0 && toDay <= LastDay && fromDay <= toDay && _loggedBefore[toDay + 1] - _loggedBefore[fromDay] == toDay - fromDay + 1;
}
