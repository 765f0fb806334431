using Nervewise.Domain.Diary;

namespace Nervewise.Domain.CheckIns;

/// <summary>
/// One check-in as the person made it: the diary keeps a row per area (the CSV contract), and the rows saved together
/// share one time, so that time is what makes them one check-in again.
/// </summary>
public sealed record CheckIn(DateTimeOffset At, IReadOnlyDictionary<string, int> Scores)
{
    /// <summary>The rows of check-ins grouped by their shared time, oldest first; other entry types are ignored.</summary>
    public static IReadOnlyList<CheckIn> From(IEnumerable<DiaryEntry> entries) =>
        [.. entries.Where(e => e.Type == EntryType.Checkin && e.Value is not null)
            .GroupBy(e => e.Time.UtcDateTime)
            .OrderBy(g => g.Key)
            .Select(g => new CheckIn(g.First().Time, g.GroupBy(e => e.Item).ToDictionary(a => a.Key, a => (int)a.Last().Value!.Value)))];

    /// <summary>The areas left out, in the order the check-in asks them.</summary>
    public IReadOnlyList<CheckinContent.Area> Unanswered(CheckinContent content) =>
        [.. content.Areas.Where(a => !Scores.ContainsKey(a.AreaId))];

    /// <summary>"1 check-in", "3 check-ins".</summary>
    public static string Count(int count) => count == 1 ? "1 check-in" : $"{count} check-ins";

    /// <summary>Labels joined for a sentence: "Sleep", "Sleep and Worry", "Sleep, Worry and Stress".</summary>
    public static string Listed(IReadOnlyList<string> labels) => labels.Count switch
    {
        0 => "",
        1 => labels[0],
        _ => $"{string.Join(", ", labels.Take(labels.Count - 1))} and {labels[^1]}",
    };
}
