using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Clinic;

/// <summary>Why a person sits where they do in a clinician's caseload. Lower comes first.</summary>
public enum Need
{
    RedFlag,
    RecentFlare,
    NoImprovement,
    Steady,
}

/// <summary>Orders a clinician's caseload by need: red flags, then recent flare-ups, then no improvement, then the rest.</summary>
public static class Caseload
{
    public sealed record Rules(
        Rule RecentFlareDays, Rule NoImprovementWeeks, Rule ComparisonDays, Rule MinimumImprovement, Rule FlaresThisWeekDays, Rule NotSeenDays);

    public sealed record Rule(decimal Value, string Why, string Source);

    /// <summary>Where one person stands. <see cref="Safety"/> is the one safety state the standing was judged with.</summary>
    public sealed record Standing(Need Need, string Reason, IReadOnlyList<double> RecentPain, DateTimeOffset? LastEntry, SafetyState Safety)
    {
        /// <summary>The urgency of the warning signs in force; routine when there are none.</summary>
        public Urgency Urgency => Need == Need.RedFlag ? Safety.Urgency : Urgency.Routine;

        /// <summary>How recent the news is: the newest warning sign in force, otherwise the newest entry.</summary>
        public DateTimeOffset? Latest => Need == Need.RedFlag && Safety.Reasons.Count > 0
            ? Safety.Reasons.MaxBy(r => r.Time.UtcDateTime)!.Time
            : LastEntry;
    }

    /// <summary>
    /// The caseload's order: by need; among warning signs by urgency (emergency, today, urgent, soon); then the most
    /// recent first. Callers break remaining ties (by name) so the order is stable.
    /// </summary>
    public static IComparer<Standing> ByNeed { get; } = Comparer<Standing>.Create((a, b) =>
    {
        var need = a.Need.CompareTo(b.Need);
        if (need != 0)
        {
            return need;
        }
        var urgency = b.Urgency.CompareTo(a.Urgency);
        return urgency != 0 ? urgency : Nullable.Compare(b.Latest?.UtcDateTime, a.Latest?.UtcDateTime);
    });

    private static readonly Lazy<Rules> Loaded = new(() => EmbeddedData.ReadJson<Rules>("caseload-rules.json"));

    public static Rules Current => Loaded.Value;

    /// <summary>Where one person stands, from their diary and their safety state, at a given time.</summary>
    public static Standing Assess(IReadOnlyList<DiaryEntry> entries, SafetyState safety, DateTimeOffset now)
    {
        var rules = Current;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var recent = Timeline.Days(entries, today.AddDays(-27), today);
        var recentPain = recent.Select(d => (double)(d.WorstPain ?? 0)).ToList();
        DateTimeOffset? last = entries.Count == 0 ? null : entries.Max(e => e.Time);

        // Warning signs come first, from the one safety state: they stay until a check is recorded.
        if (safety.NeedsHelp)
        {
            return new(Need.RedFlag, string.Join("; ", safety.Reasons.Select(SafetyLines.Reason)), recentPain, last, safety);
        }

        var flareSince = now.AddDays(-(double)rules.RecentFlareDays.Value);
        var flares = entries.Count(e => e.Type == EntryType.Flare && e.Time >= flareSince);
        if (flares > 0)
        {
            return new(Need.RecentFlare, $"{flares} flare-up{(flares == 1 ? "" : "s")} in the last {rules.RecentFlareDays.Value} days", recentPain, last, safety);
        }

        if (NotImproving(entries, today, rules) is { } stuck)
        {
            return new(Need.NoImprovement, stuck, recentPain, last, safety);
        }
        return new(Need.Steady, entries.Count == 0 ? "Nothing logged yet" : "No warning signs or recent flare-ups", recentPain, last, safety);
    }

    /// <summary>
    /// Compares the average worst daily pain of the latest two weeks with the same span the set number of weeks
    /// earlier. Needs pain logged in both spans; a drop smaller than the minimum counts as no improvement.
    /// </summary>
    public static string? NotImproving(IReadOnlyList<DiaryEntry> entries, DateOnly today, Rules rules)
    {
        var span = (int)rules.ComparisonDays.Value;
        var weeks = (int)rules.NoImprovementWeeks.Value;
        var now = Average(Timeline.Days(entries, today.AddDays(1 - span), today));
        var thenEnd = today.AddDays(-7 * weeks);
        var then = Average(Timeline.Days(entries, thenEnd.AddDays(1 - span), thenEnd));
        if (now is null || then is null || then - now >= rules.MinimumImprovement.Value)
        {
            return null;
        }
        return $"No improvement in {weeks} weeks (average worst pain {then:0.#} then, {now:0.#} now)";
    }

    private static decimal? Average(IReadOnlyList<Timeline.Day> days)
    {
        var pain = days.Where(d => d.WorstPain is not null).Select(d => d.WorstPain!.Value).ToList();
        return pain.Count == 0 ? null : pain.Average();
    }
}
