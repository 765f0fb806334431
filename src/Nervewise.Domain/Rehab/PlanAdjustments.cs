using System.Globalization;
using Nervewise.Domain.CheckIns;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>What one rule asks of the plan: nothing, no step up, or a step back; with the reasons in plain words.</summary>
public sealed record Adjustment(Decision? Limit, IReadOnlyList<string> Reasons, IReadOnlyList<string> Ideas)
{
    public static readonly Adjustment None = new(null, [], []);
}

/// <summary>
/// The rules that look past single sessions (rehab-plan.json, "adjustments"): morning pain creeping up since the stage
/// began, nerve symptoms spreading or rising after sessions, and a run-down week in the check-in.
/// </summary>
public static class PlanAdjustments
{
    private static readonly string[] NerveSymptoms = ["numbness", "pins-and-needles", "burning", "heaviness"];

    /// <summary>
    /// The level of pain when the stage began against the level now, week on week: the median of each day's worst
    /// morning pain in the week before the stage began (or, with no readings then, its first days) against the same
    /// in the last week of the stage. A rise holds however small each day's step was (each day within a point of the
    /// rolling usual level still adds up), and a clear rise steps back. Diaries without morning readings are judged on
    /// each day's worst pain, the next-day pain.
    /// </summary>
    public static Adjustment WeeklyRise(IReadOnlyList<DiaryEntry> entries, DateTimeOffset? since, DateTimeOffset now, RehabRules rules)
    {
        var numbers = rules.Adjustments;
        var week = TimeSpan.FromDays(numbers.WeekDays.Value);
        if (since is not { } start || start > now)
        {
            return Adjustment.None;
        }
        var need = rules.PainRules.UsualMinReadings.Whole;
        foreach (var mornings in (bool[])[true, false])
        {
            // The level when the stage began: the week before it, else its first days before the last week.
            var baseline = DailyMedian(entries, start - week, start, mornings, rules, need)
                ?? (now - week > start ? DailyMedian(entries, start, Min(start + week, now - week), mornings, rules, need) : null);
            var current = DailyMedian(entries, Max(now - week, start), now, mornings, rules, need);
            if (baseline is not { } before || current is not { } after)
            {
                continue;
            }
            if (after - before < (decimal)numbers.WeeklyRiseHold.Value)
            {
                return Adjustment.None;
            }
            var regress = after - before >= (decimal)numbers.WeeklyRiseRegress.Value;
            var what = mornings ? "morning pain" : "pain";
            return new(regress ? Decision.Regress : Decision.Hold,
            [
                $"Your {what} has crept up since this stage began: about {PlanWording.Number(after)}/10 on most days this week, " +
                $"against {PlanWording.Number(before)}/10 when it started. " +
                (regress ? "Each day's change was small, but together it is a clear rise, so step back for now."
                    : "Each day's change was small, but the trend matters: stay at this step until it settles."),
            ], []);
        }
        return Adjustment.None;
    }

    /// <summary>
    /// Sessions followed, within the flare window and before the next session, by a nerve symptom well above its usual
    /// level, or by pain, a flare-up or a symptom whose note names a place reaching further down the leg than usual. The yardstick is what the
    /// diary showed away from this stage's sessions (their after-effects are what is judged), else the days before the
    /// stage began, else whatever came before the session. One such session holds; repeated ones step back.
    /// </summary>
    public static Adjustment Spread(IReadOnlyList<SessionCheck> stageChecks, IReadOnlyList<DiaryEntry> entries, DateTimeOffset now, RehabRules rules,
        DateTimeOffset? since = null)
    {
        var numbers = rules.Adjustments;
        var window = TimeSpan.FromHours(rules.PainRules.FlareWindowHours.Value);
        var lookback = TimeSpan.FromDays(rules.PainRules.UsualLookbackDays.Value);
        var recent = stageChecks.Where(c => c.Session.Time >= now.AddDays(-rules.Decisions.RegressLookbackDays.Value))
            .TakeLast(rules.Decisions.RegressLastSessions.Whole).ToList();
        var stageStart = since ?? (stageChecks.Count > 0 ? stageChecks[0].Session.Time : null);
        bool AfterASession(DiaryEntry e) => stageChecks.Any(c => e.Time > c.Session.Time && e.Time <= c.Session.End + window);
        var reasons = new List<string>();
        foreach (var check in recent)
        {
            var session = check.Session;
            var before = entries.Where(e => e.Time >= session.Time - lookback && e.Time < session.Time).ToList();
            var away = before.Where(e => !AfterASession(e)).ToList();
            var atStart = stageStart is { } begun ? entries.Where(e => e.Time >= begun - lookback && e.Time < begun).ToList() : [];
            // What followed it within the flare window, up to the next session: one episode counts for one session.
            var next = stageChecks.Select(c => c.Session.Time).Where(t => t > session.Time).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            var after = entries.Where(e => e.Time > session.Time && e.Time <= session.End + window && e.Time < next && e.Time <= now).ToList();

            var rising = after.Where(e => e.Type == EntryType.Symptom && NerveSymptoms.Contains(e.Item) && e.Value is not null)
                .Where(e => e.Value!.Value >= Usual(e.Item, away, atStart, before) + (decimal)numbers.SymptomRise.Value)
                .MaxBy(e => e.Value);
            var reachUsual = new[] { away, atStart, before }.Select(MaxReach).FirstOrDefault(r => r >= 0, -1);
            var further = reachUsual < 0 ? null : after.Where(e => ReachOf(e) > reachUsual).MaxBy(ReachOf);
            if (rising is null && further is null)
            {
                continue;
            }
            var parts = new List<string>();
            if (rising is not null)
            {
                parts.Add($"{DiaryVocabulary.Words(rising.Item)} rose to {PlanWording.Number(rising.Value!.Value)}/10");
            }
            if (further is not null)
            {
                var what = further.Type switch
                {
                    EntryType.Flare => "a flare-up",
                    EntryType.Symptom => DiaryVocabulary.Words(further.Item),
                    _ => "pain",
                };
                parts.Add($"{what} reached {PlanWording.Region(RegionOf(further)!)}, further down the leg than usual");
            }
            reasons.Add($"After the {PlanWording.Exercise(session.Item)} session on {PlanWording.Date(session.Time)}, {string.Join(" and ", parts)}.");
        }
        if (reasons.Count == 0)
        {
            return Adjustment.None;
        }
        var regress = reasons.Count >= numbers.SpreadRegress.Whole;
        reasons.Add(regress
            ? "Nerve symptoms that spread or grow after sessions mean the load is ahead of the nerve: step back for now."
            : "Symptoms that spread or grow after a session are a sign to stay at this step until they settle.");
        return new(regress ? Decision.Regress : Decision.Hold, reasons, []);
    }

    /// <summary>
    /// A run-down week: check-ins on several days rating illness, stress or sleep as a real concern, or several short
    /// nights. It never steps back by itself; it holds progression and offers the check-in's ideas.
    /// </summary>
    public static Adjustment RunDown(IReadOnlyList<DiaryEntry> entries, DateTimeOffset now, RehabRules rules)
    {
        var numbers = rules.Adjustments;
        var from = now.AddDays(-numbers.WeekDays.Value);
        string[] areas = ["illness", "stress", "sleep"];
        var heavy = entries.Where(e => e.Type == EntryType.Checkin && e.Time > from && e.Time <= now && areas.Contains(e.Item)
            && e.Value >= (decimal)numbers.RunDownLevel.Value).ToList();
        var heavyDays = heavy.Select(e => DateOnly.FromDateTime(e.Time.DateTime)).Distinct().Count();
        var shortNights = entries.Count(e => e.Type == EntryType.Sleep && e.Time > from && e.Time <= now && e.Value < (decimal)numbers.ShortNightHours.Value);
        var checkinsHeavy = heavyDays >= numbers.RunDownCheckinDays.Whole;
        var nightsShort = shortNights >= numbers.ShortNights.Whole;
        if (!checkinsHeavy && !nightsShort)
        {
            return Adjustment.None;
        }
        var parts = new List<string>();
        if (checkinsHeavy)
        {
            var named = heavy.GroupBy(e => e.Item).Select(g => $"{CheckinLabel(g.Key).ToLowerInvariant()} ({g.Max(e => e.Value)!.Value.ToString("0", CultureInfo.InvariantCulture)}/4)");
            parts.Add($"your check-ins on {PlanWording.Plural(heavyDays, "day", "days")} rated {string.Join(", ", named)}");
        }
        if (nightsShort)
        {
            parts.Add($"{PlanWording.Plural(shortNights, "night was", "nights were")} shorter than {numbers.ShortNightHours.Whole} hours");
        }
        var scores = heavy.GroupBy(e => e.Item).ToDictionary(g => g.Key, g => (int)g.Max(e => e.Value)!.Value);
        if (nightsShort)
        {
            scores["sleep"] = Math.Max(scores.GetValueOrDefault("sleep"), 3);
        }
        var ideas = CheckinContent.Current.Priorities(scores).Select(a => a.Ideas[0]).ToList();
        return new(Decision.Hold,
        [
            $"This has been a run-down week: {string.Join(", and ", parts)}. A nervous system that is tired, ill or stressed is more sensitive, " +
            "so the plan stays at this step for now rather than adding load. That is not a step back.",
        ], ideas);
    }

    private static string CheckinLabel(string area) => CheckinContent.Current.Areas.FirstOrDefault(a => a.AreaId == area)?.Label ?? DiaryVocabulary.Words(area);

    /// <summary>Where an entry says the pain or a nerve symptom reached: a pain or flare row's region, or a place named in a symptom's note.</summary>
    internal static string? RegionOf(DiaryEntry entry) => entry.Type switch
    {
        EntryType.Pain or EntryType.Flare when DiaryVocabulary.Regions.Contains(entry.Item) => entry.Item,
        EntryType.Symptom when NerveSymptoms.Contains(entry.Item) && entry.Note is { Length: > 0 } note => RegionNamed(note),
        _ => null,
    };

    private static readonly (string Words, string Region)[] Places =
    [
        ("toe", "foot"), ("foot", "foot"), ("feet", "foot"), ("ankle", "foot"), ("sole", "foot"), ("heel", "foot"),
        ("calf", "calf"), ("shin", "shin"), ("lower leg", "calf"), ("knee", "back-of-knee"),
    ];

    /// <summary>The furthest place down the leg a note names ("pins and needles into the foot"); only below the thigh counts.</summary>
    private static string? RegionNamed(string note)
    {
        var text = note.ToLowerInvariant();
        return Places.Where(p => text.Contains(p.Words, StringComparison.Ordinal)).Select(p => p.Region)
            .OrderByDescending(DiaryVocabulary.Reach).FirstOrDefault();
    }

    private static int ReachOf(DiaryEntry entry) => RegionOf(entry) is { } region ? DiaryVocabulary.Reach(region) : -1;

    private static int MaxReach(List<DiaryEntry> entries) => entries.Select(ReachOf).DefaultIfEmpty(-1).Max();

    /// <summary>A symptom's usual level: away from the stage's sessions, else before the stage, else before the session; never logged: 0.</summary>
    private static decimal Usual(string symptom, params List<DiaryEntry>[] yardsticks)
    {
        foreach (var entries in yardsticks)
        {
            var values = entries.Where(e => e.Type == EntryType.Symptom && e.Item == symptom && e.Value is not null).Select(e => e.Value!.Value).ToList();
            if (values.Count > 0)
            {
                return PainRules.Median(values);
            }
        }
        return 0;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The median over days of each day's worst pain in the window: morning readings only, or every reading.</summary>
    private static decimal? DailyMedian(IReadOnlyList<DiaryEntry> entries, DateTimeOffset from, DateTimeOffset to, bool mornings, RehabRules rules, int need)
    {
        var days = entries.Where(e => e.Type == EntryType.Pain && e.Value is not null && e.Time >= from && e.Time < to && (!mornings || PainRules.IsMorning(e, rules)))
            .GroupBy(e => DateOnly.FromDateTime(e.Time.DateTime)).Select(g => g.Max(e => e.Value!.Value)).ToList();
        return days.Count >= need ? PainRules.Median(days) : null;
    }
}
