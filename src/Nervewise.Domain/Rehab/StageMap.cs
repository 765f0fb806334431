using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>A stage of one pathway: "sliders of nerve", "strengthen of muscle".</summary>
public readonly record struct PathwayStage(Pathway Pathway, Stage Stage)
{
    public int Rank => RehabNames.Rank(Pathway, Stage);

    public override string ToString() => $"{RehabNames.Of(Pathway)}/{RehabNames.Of(Stage)}";
}

/// <summary>Which pathway and stage a diary exercise belongs to, and where a diary stands (shared/spec/cli.md).</summary>
public static class StageMap
{
    /// <summary>
    /// The naming rule of the contract for the nerve pathway: general-movement, *-slider, *-tensioner, and
    /// splits-progression or another *-progression of a provocative position. Other names say nothing by themselves.
    /// </summary>
    public static Stage? ByName(string item) => item switch
    {
        "general-movement" => Stage.GeneralMovement,
        _ when item.EndsWith("-slider", StringComparison.Ordinal) => Stage.Sliders,
        _ when item.EndsWith("-tensioner", StringComparison.Ordinal) => Stage.Tensioners,
        _ when item.EndsWith("-progression", StringComparison.Ordinal) => Stage.Provocation,
        _ => null,
    };

    /// <summary>The plan's own exercises by the data file, others by the nerve naming rule; null for an exercise of no stage.</summary>
    public static PathwayStage? Of(string item, RehabRules rules) =>
        rules.FindExercise(item) is { } exercise ? new PathwayStage(exercise.PathwayValue, exercise.StageValue)
        : ByName(item) is { } stage ? new PathwayStage(Pathway.Nerve, stage)
        : null;

    /// <summary>
    /// Where the latest exercise rows stand: the pathway of the latest staged exercise, and the highest stage of that
    /// pathway logged on its last day (a slider day with a warm-up walk is a slider day). A day that holds only exercises
    /// that the higher stage of the day before keeps at a lighter maintenance dose (a Romanian deadlift day between hops
    /// days, a Nordic curl day between runs) is read with that day, when it was within the recent days: a maintenance
    /// day is not a step back, but a day of the lower stage's own work, or two maintenance days in a row, are. Rows of
    /// an earlier pathway are history, not an error: people change pathway.
    /// No exercise rows: null.
    /// </summary>
    public static PathwayStage? Latest(IEnumerable<DiaryEntry> entries, RehabRules rules)
    {
        var staged = Sessions(entries, rules);
        if (staged.Count == 0)
        {
            return null;
        }
        var pathway = staged[^1].Step.Pathway;
        var current = staged.Skip(staged.FindLastIndex(s => s.Step.Pathway != pathway) + 1).ToList();
        var days = current.GroupBy(s => DateOnly.FromDateTime(s.Entry.Time.DateTime)).OrderBy(g => g.Key).ToList();
        var last = days[^1].ToList();
        var step = last.MaxBy(s => s.Step.Rank).Step;
        if (days.Count >= 2 && days[^1].Key.DayNumber - days[^2].Key.DayNumber <= rules.Decisions.RecentDays.Whole)
        {
            var before = days[^2].MaxBy(s => s.Step.Rank).Step;
            // Carried on means planned there, less often than the stage's own exercises: a lighter maintenance dose.
            var plan = rules.For(pathway, before.Stage).Plan;
            var own = plan.Where(p => Of(p.Exercise, rules) == before).Select(p => p.PerWeek).DefaultIfEmpty(0).Max();
            if (before.Rank > step.Rank && last.All(s => plan.Any(p => p.Exercise == s.Entry.Item && p.PerWeek < own)))
            {
                return before;
            }
        }
        return step;
    }

    /// <summary>When the latest staged exercise row was logged, or null.</summary>
    public static DateTimeOffset? LatestTime(IEnumerable<DiaryEntry> entries, RehabRules rules) =>
        Sessions(entries, rules) is { Count: > 0 } staged ? staged[^1].Entry.Time : null;

    /// <summary>The stage the diary is at; no exercise rows means the nerve pathway's settle (cli.md).</summary>
    public static Stage FromDiary(IEnumerable<DiaryEntry> entries, RehabRules rules) =>
        Latest(entries, rules)?.Stage ?? Stage.Settle;

    /// <summary>
    /// When the person reached this step, going by the diary: the first session of it since they last did anything
    /// of a higher stage or another pathway (after stepping back or changing pathway, the stage starts again). Null
    /// when there is no session of it.
    /// </summary>
    public static DateTimeOffset? Since(IEnumerable<DiaryEntry> entries, PathwayStage step, RehabRules rules)
    {
        DateTimeOffset? since = null;
        var staged = Sessions(entries, rules);
        for (var i = staged.Count - 1; i >= 0; i--)
        {
            if (staged[i].Step.Pathway != step.Pathway || staged[i].Step.Rank > step.Rank)
            {
                break;
            }
            if (staged[i].Step == step)
            {
                since = staged[i].Entry.Time;
            }
        }
        return since;
    }

    private static List<(DiaryEntry Entry, PathwayStage Step)> Sessions(IEnumerable<DiaryEntry> entries, RehabRules rules) =>
        [.. entries.Where(e => e.Type == EntryType.Exercise)
            .Select(e => (Entry: e, Step: Of(e.Item, rules)))
            .Where(s => s.Step is not null)
            .Select(s => (s.Entry, s.Step!.Value))
            .OrderBy(s => s.Entry.Time.UtcDateTime)];
}
