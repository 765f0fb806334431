using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>
/// How consistently the same dose gave the same response: the share of comparable sessions (or days) whose response
/// was the one expected. <see cref="Basis"/> is how many it rests on; below the data file's minimum it is too early to tell.
/// </summary>
public sealed record PredictabilityScore(double Score, int Basis, int AsExpected)
{
    public static readonly PredictabilityScore None = new(0, 0, 0);

    public bool Enough(RehabRules rules) => Basis >= rules.Predictability.MinSessions.Whole;

    public bool Predictable(RehabRules rules) => Enough(rules) && Score >= rules.Predictability.Cutoff.Value;
}

public static class Predictability
{
    /// <summary>
    /// Sessions are the same dose when they are the same exercise and their minutes round to the same step. Within a
    /// dose, a session gave the expected response when its pain during and its next-morning change each lie within the
    /// margin of the dose's median, and it flared or not as most of them did. Doses met only once are not compared.
    /// Sessions whose 48 hours have not passed are left out.
    /// </summary>
    public static PredictabilityScore OfSessions(IEnumerable<SessionCheck> checks, RehabRules rules)
    {
        var margin = (decimal)rules.Predictability.Margin.Value;
        var step = Math.Max(1, rules.Predictability.DurationStepMinutes.Whole);
        var basis = 0;
        var expected = 0;
        var doses = checks.Where(c => c.Flare != RuleState.Waiting)
            .GroupBy(c => (c.Session.Item, Step: (int)Math.Round((c.Session.DurationMinutes ?? 0) / (double)step, MidpointRounding.AwayFromZero)));
        foreach (var dose in doses)
        {
            var sessions = dose.ToList();
            if (sessions.Count < 2)
            {
                continue;
            }
            var during = PainRules.Median([.. sessions.Select(s => s.PainDuring)]);
            var changes = sessions.Select(s => s.MorningChange).OfType<decimal>().ToList();
            decimal? change = changes.Count > 0 ? PainRules.Median(changes) : null;
            var typicallyFlares = sessions.Count(s => s.Flare == RuleState.Broken) * 2 > sessions.Count;
            foreach (var session in sessions)
            {
                basis++;
                var sameDuring = Math.Abs(session.PainDuring - during) <= margin;
                var sameMorning = session.MorningChange is not { } own || change is not { } usual || Math.Abs(own - usual) <= margin;
                var sameFlare = (session.Flare == RuleState.Broken) == typicallyFlares;
                if (sameDuring && sameMorning && sameFlare)
                {
                    expected++;
                }
            }
        }
        return Score(basis, expected);
    }

    /// <summary>
    /// In the settle stage the dose is an ordinary day: a day was as expected when its worst pain lies within the margin
    /// of the median day and it had no flare-up.
    /// </summary>
    public static PredictabilityScore OfDays(IEnumerable<DiaryEntry> entries, DateTimeOffset from, DateTimeOffset to, RehabRules rules)
    {
        var margin = (decimal)rules.Predictability.Margin.Value;
        var days = entries.Where(e => e.Time >= from && e.Time <= to && e.Type is EntryType.Pain or EntryType.Flare)
            .GroupBy(e => DateOnly.FromDateTime(e.Time.DateTime))
            .Select(g => (Worst: g.Max(e => e.Value ?? 0), Flared: g.Any(e => e.Type == EntryType.Flare)))
            .ToList();
        if (days.Count == 0)
        {
            return PredictabilityScore.None;
        }
        var median = PainRules.Median([.. days.Select(d => d.Worst)]);
        return Score(days.Count, days.Count(d => !d.Flared && Math.Abs(d.Worst - median) <= margin));
    }

    private static PredictabilityScore Score(int basis, int expected) =>
        basis == 0 ? PredictabilityScore.None : new(Math.Round(expected / (double)basis, 2), basis, expected);
}
