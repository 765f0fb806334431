using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

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
    public sealed record Rules(Rule RedFlagDays, Rule RecentFlareDays, Rule NoImprovementWeeks, Rule ComparisonDays, Rule MinimumImprovement);

    public sealed record Rule(decimal Value, string Why, string Source);

    public sealed record Standing(Need Need, string Reason, IReadOnlyList<double> RecentPain, DateTimeOffset? LastEntry);

    private static readonly Lazy<Rules> Loaded = new(() => EmbeddedData.ReadJson<Rules>("caseload-rules.json"));

    public static Rules Current => Loaded.Value;

    /// <summary>Where one person stands, from their diary and their latest assessment's urgency, at a given time.</summary>
    public static Standing Assess(IReadOnlyList<DiaryEntry> entries, Urgency? latestAssessment, DateTimeOffset now)
    {
        var rules = Current;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var recent = Timeline.Days(entries, today.AddDays(-27), today);
        var recentPain = recent.Select(d => (double)(d.WorstPain ?? 0)).ToList();
        DateTimeOffset? last = entries.Count == 0 ? null : entries.Max(e => e.Time);

        var redFlagSince = now.AddDays(-(double)rules.RedFlagDays.Value);
        var flag = entries.Where(e => e.Type == EntryType.Symptom && DiaryVocabulary.RedFlagSymptoms.Contains(e.Item) && e.Time >= redFlagSince)
            .OrderByDescending(e => e.Time).FirstOrDefault();
        if (flag is not null)
        {
            return new(Need.RedFlag, $"Warning sign logged: {DiaryVocabulary.Words(flag.Item)}", recentPain, last);
        }
        if (latestAssessment is >= Urgency.Soon)
        {
            return new(Need.RedFlag, $"Latest assessment: see a doctor {Words(latestAssessment.Value)}", recentPain, last);
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

    private static string Words(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "now (emergency)",
        Urgency.Urgent => "within days",
        _ => "soon",
    };
}
