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
    public sealed record Rules(Rule RecentFlareDays, Rule NoImprovementWeeks, Rule ComparisonDays, Rule MinimumImprovement);

    public sealed record Rule(decimal Value, string Why, string Source);

    public sealed record Standing(Need Need, string Reason, IReadOnlyList<double> RecentPain, DateTimeOffset? LastEntry);

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
            var signs = string.Join("; ", safety.Reasons.Select(r => r.Says));
            return new(Need.RedFlag, $"{AssessmentWording.For(safety.Urgency).Headline}: {signs}", recentPain, last);
        }

        var flareSince = now.AddDays(-(double)rules.RecentFlareDays.Value);
        var flares = entries.Count(e => e.Type == EntryType.Flare && e.Time >= flareSince);
        if (flares > 0)
        {
            return new(Need.RecentFlare, $"{flares} flare-up{(flares == 1 ? "" : "s")} in the last {rules.RecentFlareDays.Value} days", recentPain, last);
        }

        if (NotImproving(entries, today, rules) is { } stuck)
        {
            return new(Need.NoImprovement, stuck, recentPain, last);
        }
        return new(Need.Steady, entries.Count == 0 ? "Nothing logged yet" : "No warning signs or recent flare-ups", recentPain, last);
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
