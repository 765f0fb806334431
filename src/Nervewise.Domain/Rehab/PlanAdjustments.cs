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
    private static readonly string[] NerveSymptoms = ["numbness", "pins-and-needles", "burning"];

    /// <summary>
    /// The median of each morning's worst pain in the last week against the same in the week before the stage began
    /// (or its first week): a rise holds however small each day's step was, and a clear rise steps back.
    /// </summary>
    public static Adjustment WeeklyRise(IReadOnlyList<DiaryEntry> entries, DateTimeOffset? since, DateTimeOffset now, RehabRules rules)
    {
        var numbers = rules.Adjustments;
        var week = TimeSpan.FromDays(numbers.WeekDays.Value);
        if (since is not { } start || now - start < week * 2)
        {
            return Adjustment.None;
        }
        var need = rules.PainRules.UsualMinReadings.Whole;
        var baseline = MorningMedian(entries, start - week, start, rules, need) ?? MorningMedian(entries, start, start + week, rules, need);
        var current = MorningMedian(entries, now - week, now, rules, need);
        if (baseline is not { } before || current is not { } after || after - before < (decimal)numbers.WeeklyRiseHold.Value)
        {
            return Adjustment.None;
        }
        var regress = after - before >= (decimal)numbers.WeeklyRiseRegress.Value;
        return new(regress ? Decision.Regress : Decision.Hold,
        [
            $"Your morning pain has crept up since this stage began: about {PlanWording.Number(after)}/10 on most mornings this week, " +
            $"against {PlanWording.Number(before)}/10 when it started. " +
            (regress ? "That is a clear rise, so step back for now." : "Each day's change was small, but the trend matters: stay at this step until it settles."),
        ], []);
    }

    /// <summary>
    /// Sessions followed, within the flare window, by a nerve symptom well above its usual level or by pain or a flare-up
    /// reaching further down the leg than before the session. One such session holds; repeated ones step back.
    /// </summary>
    public static Adjustment Spread(IReadOnlyList<SessionCheck> stageChecks, IReadOnlyList<DiaryEntry> entries, DateTimeOffset now, RehabRules rules)
    {
        var numbers = rules.Adjustments;
        var window = TimeSpan.FromHours(rules.PainRules.FlareWindowHours.Value);
        var lookback = TimeSpan.FromDays(rules.PainRules.UsualLookbackDays.Value);
        var recent = stageChecks.Where(c => c.Session.Time >= now.AddDays(-rules.Decisions.RegressLookbackDays.Value))
            .TakeLast(rules.Decisions.RegressLastSessions.Whole).ToList();
        var reasons = new List<string>();
        foreach (var check in recent)
        {
            var session = check.Session;
            var before = entries.Where(e => e.Time >= session.Time - lookback && e.Time < session.Time).ToList();
            var after = entries.Where(e => e.Time > session.Time && e.Time <= session.End + window && e.Time <= now).ToList();

            var rising = after.Where(e => e.Type == EntryType.Symptom && NerveSymptoms.Contains(e.Item) && e.Value is not null)
                .Where(e => e.Value!.Value >= Usual(before, e.Item) + (decimal)numbers.SymptomRise.Value)
                .MaxBy(e => e.Value);
            var reachBefore = before.Where(IsRegion).Select(e => DiaryVocabulary.Reach(e.Item)).DefaultIfEmpty(-1).Max();
            var further = reachBefore < 0 ? null : after.Where(IsRegion).Where(e => DiaryVocabulary.Reach(e.Item) > reachBefore).MaxBy(e => DiaryVocabulary.Reach(e.Item));
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
                parts.Add($"{(further.Type == EntryType.Flare ? "a flare-up" : "pain")} reached your {DiaryVocabulary.Words(further.Item)}, further down the leg than before");
            }
            reasons.Add($"After the {DiaryVocabulary.Words(session.Item)} session on {PlanWording.Date(session.Time)}, {string.Join(" and ", parts)}.");
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

    private static bool IsRegion(DiaryEntry entry) =>
        entry.Type is EntryType.Pain or EntryType.Flare && DiaryVocabulary.Regions.Contains(entry.Item);

    private static decimal Usual(List<DiaryEntry> before, string symptom)
    {
        var values = before.Where(e => e.Type == EntryType.Symptom && e.Item == symptom && e.Value is not null).Select(e => e.Value!.Value).ToList();
        return values.Count == 0 ? 0 : PainRules.Median(values);
    }

    private static decimal? MorningMedian(IReadOnlyList<DiaryEntry> entries, DateTimeOffset from, DateTimeOffset to, RehabRules rules, int need)
    {
        var mornings = entries.Where(e => e.Type == EntryType.Pain && e.Time >= from && e.Time < to && PainRules.IsMorning(e, rules))
            .GroupBy(e => DateOnly.FromDateTime(e.Time.DateTime)).Select(g => g.Max(e => e.Value!.Value)).ToList();
        return mornings.Count >= need ? PainRules.Median(mornings) : null;
    }
}
