using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>Where one pain rule stands for one session.</summary>
public enum RuleState
{
    Kept,
    Broken,

    /// <summary>Too soon to tell: the next morning or the 48 hours have not passed yet.</summary>
    Waiting,

    /// <summary>The time has passed but the diary cannot tell (no next-morning reading, or no usual level to compare with).</summary>
    Unknown,
}

public enum SessionOutcome
{
    Kept,
    Broken,
    Waiting,

    /// <summary>Nothing broken, but the next morning is not known.</summary>
    Unconfirmed,
}

/// <summary>The three pain rules for one logged session, with the readings they were judged on.</summary>
public sealed record SessionCheck(
    DiaryEntry Session,
    PathwayStage? Step,
    RuleState During,
    RuleState Morning,
    RuleState Flare,
    decimal? UsualLevel,
    decimal? NextMorning,
    DiaryEntry? FlareUp)
{
    public decimal PainDuring => Session.Value ?? 0;

    /// <summary>How far the next morning was above the usual level; null when either is not known.</summary>
    public decimal? MorningChange => NextMorning - UsualLevel;

    public SessionOutcome Outcome =>
        During == RuleState.Broken || Morning == RuleState.Broken || Flare == RuleState.Broken ? SessionOutcome.Broken
        : Morning == RuleState.Waiting || Flare == RuleState.Waiting ? SessionOutcome.Waiting
        : Morning == RuleState.Unknown ? SessionOutcome.Unconfirmed
        : SessionOutcome.Kept;
}

/// <summary>
/// The pain-monitoring rules of rehab-plan.json for each exercise session in a diary: pain during it up to the agreed
/// level; pain back to the usual level by the next morning; no flare-up from its start to 48 hours after its end.
/// Judged as of <c>now</c>; entries after it are not looked at.
/// </summary>
public static class PainRules
{
    public static IReadOnlyList<SessionCheck> Check(IReadOnlyList<DiaryEntry> entries, int agreedLevel, DateTimeOffset now, RehabRules rules)
    {
        var known = entries.Where(e => e.Time <= now).OrderBy(e => e.Time.UtcDateTime).ToList();
        var pain = known.Where(e => e.Type == EntryType.Pain).ToList();
        var flares = known.Where(e => e.Type == EntryType.Flare).ToList();
        var numbers = rules.PainRules;
        var flareWindow = TimeSpan.FromHours(numbers.FlareWindowHours.Value);

        var checks = new List<SessionCheck>();
        foreach (var session in known.Where(e => e.Type == EntryType.Exercise))
        {
            var during = session.Value > agreedLevel ? RuleState.Broken : RuleState.Kept;

            var flare = flares.FirstOrDefault(f => f.Time >= session.Time && f.Time <= session.End + flareWindow);
            var flareState = flare is not null ? RuleState.Broken
                : now < session.End + flareWindow ? RuleState.Waiting
                : RuleState.Kept;

            var usual = UsualLevel(pain, session.Time, rules);
            var (morningDate, windowCloses) = NextMorning(session.End, rules);
            var readings = pain.Where(p => p.Time > session.End && IsMorning(p, rules) && DateOnly.FromDateTime(p.Time.DateTime) == morningDate)
                .Select(p => p.Value!.Value).ToList();
            decimal? nextMorning = readings.Count > 0 ? readings.Max() : null;
            var morning = (nextMorning, usual) switch
            {
                ({ } reading, { } level) => reading > level + (decimal)numbers.MorningMargin.Value ? RuleState.Broken : RuleState.Kept,
                (null, _) when now < windowCloses => RuleState.Waiting,
                _ => RuleState.Unknown,
            };

            checks.Add(new SessionCheck(session, StageMap.Of(session.Item, rules), during, morning, flareState, usual, nextMorning, flare));
        }
        return checks;
    }

    /// <summary>
    /// The usual level before a session: the median of each morning's worst pain in the lookback days; with too few
    /// mornings, the median of every pain reading then; with too few of those, not known.
    /// </summary>
    public static decimal? UsualLevel(IReadOnlyList<DiaryEntry> pain, DateTimeOffset before, RehabRules rules)
    {
        var numbers = rules.PainRules;
        var from = before.AddDays(-numbers.UsualLookbackDays.Value);
        var window = pain.Where(p => p.Type == EntryType.Pain && p.Time >= from && p.Time < before).ToList();
        var mornings = window.Where(p => IsMorning(p, rules))
            .GroupBy(p => DateOnly.FromDateTime(p.Time.DateTime))
            .Select(g => g.Max(p => p.Value!.Value))
            .ToList();
        var enough = numbers.UsualMinReadings.Whole;
        if (mornings.Count >= enough)
        {
            return Median(mornings);
        }
        var all = window.Select(p => p.Value!.Value).ToList();
        return all.Count >= enough ? Median(all) : null;
    }

    /// <summary>The local date whose morning follows a session ending at <paramref name="end"/>, and when that morning is over.</summary>
    public static (DateOnly Date, DateTimeOffset Closes) NextMorning(DateTimeOffset end, RehabRules rules)
    {
        var from = rules.PainRules.MorningFromHour.Whole;
        var date = DateOnly.FromDateTime(end.DateTime);
        if (end.Hour >= from)
        {
            date = date.AddDays(1);
        }
        var closes = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue).AddHours(rules.PainRules.MorningToHour.Value), end.Offset);
        return (date, closes);
    }

    public static bool IsMorning(DiaryEntry entry, RehabRules rules) =>
        entry.Time.Hour >= rules.PainRules.MorningFromHour.Whole && entry.Time.Hour < rules.PainRules.MorningToHour.Whole;

    internal static decimal Median(IReadOnlyCollection<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
