using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>Which stage a diary exercise belongs to, and which stage a diary is at (shared/spec/cli.md).</summary>
public static class StageMap
{
    /// <summary>
    /// The naming rule of the contract: general-movement, *-slider, *-tensioner, and splits-progression or another
    /// *-progression of a provocative position. Other names say nothing by themselves.
    /// </summary>
    public static Stage? ByName(string item) => item switch
    {
        "general-movement" => Stage.GeneralMovement,
        _ when item.EndsWith("-slider", StringComparison.Ordinal) => Stage.Sliders,
        _ when item.EndsWith("-tensioner", StringComparison.Ordinal) => Stage.Tensioners,
        _ when item.EndsWith("-progression", StringComparison.Ordinal) => Stage.Provocation,
        _ => null,
    };

    /// <summary>The plan's own exercises by the data file, others by the naming rule; null for an exercise of no stage.</summary>
    public static Stage? Of(string item, RehabRules rules) => rules.FindExercise(item)?.StageValue ?? ByName(item);

    /// <summary>
    /// The stage of the latest exercise rows: the highest stage among the exercises logged on the last day with any
    /// (a slider day with a warm-up walk is a slider day). No exercise rows means settle.
    /// </summary>
    public static Stage FromDiary(IEnumerable<DiaryEntry> entries, RehabRules rules)
    {
        var staged = Sessions(entries, rules);
        if (staged.Count == 0)
        {
            return Stage.Settle;
        }
        var lastDay = DateOnly.FromDateTime(staged[^1].Entry.Time.DateTime);
        return staged.Where(s => DateOnly.FromDateTime(s.Entry.Time.DateTime) == lastDay).Max(s => s.Stage);
    }

    /// <summary>
    /// When the person reached this stage, going by the diary: the first session of it since they last did anything
    /// of a higher stage (after stepping back, the stage starts again). Null when there is no session of it.
    /// </summary>
    public static DateTimeOffset? Since(IEnumerable<DiaryEntry> entries, Stage stage, RehabRules rules)
    {
        DateTimeOffset? since = null;
        var staged = Sessions(entries, rules);
        for (var i = staged.Count - 1; i >= 0; i--)
        {
            if (staged[i].Stage > stage)
            {
                break;
            }
            if (staged[i].Stage == stage)
            {
                since = staged[i].Entry.Time;
            }
        }
        return since;
    }

    private static List<(DiaryEntry Entry, Stage Stage)> Sessions(IEnumerable<DiaryEntry> entries, RehabRules rules) =>
        [.. entries.Where(e => e.Type == EntryType.Exercise)
            .Select(e => (Entry: e, Stage: Of(e.Item, rules)))
            .Where(s => s.Stage is not null)
            .Select(s => (s.Entry, s.Stage!.Value))
            .OrderBy(s => s.Entry.Time.UtcDateTime)];
}
