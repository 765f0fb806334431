using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;

namespace Nervewise.Simulation;

/// <summary>What the engine said about one synthetic diary, judged against what was planted.</summary>
/// <param name="Found">A significant finding for the planted exposure in a window that overlaps the planted delay.</param>
/// <param name="FoundAtDose">Found, and the best such finding is at the dose level that matches the planted dose.</param>
/// <param name="OracleFound">One test chosen in advance (the planted exposure, its best-matching window and dose) has p at most 0.05: the most any method could hope for.</param>
/// <param name="Claims">Significant findings in all.</param>
/// <param name="WrongClaims">Significant findings about anything other than the planted exposure in an overlapping window.</param>
/// <param name="UnlinkedClaims">Wrong claims about an exposure that the generator does not make move with the planted one.</param>
public sealed record StudyOutcome(bool Found, bool FoundAtDose, bool OracleFound, int Claims, int WrongClaims, int UnlinkedClaims, int Tests);

/// <summary>Runs the engine on synthetic diaries and scores it: recall for planted triggers, false claims on null diaries.</summary>
public static class Study
{
    /// <summary>Days a diary covers for a flare count: about one flare-up a week or more, at least four months.</summary>
    public static int DaysFor(int flares) => Math.Max(120, (int)(flares * 4.5));

    public static StudyOutcome Run(DiaryScenario scenario, TriggerRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var report = TriggerAnalysis.Analyse(SyntheticDiary.Generate(scenario), rules);
        return Score(report, scenario.Planted);
    }

    /// <summary>The reviewed rules with Benjamini–Yekutieli instead, to show what its guarantee under any dependence costs.</summary>
    public static TriggerRules Yekutieli { get; } = TriggerRules.Current with
    {
        FalseDiscovery = TriggerRules.Current.FalseDiscovery with { Method = "benjamini-yekutieli" },
    };

    public static StudyOutcome Score(TriggerReport report, PlantedTrigger? planted)
    {
        ArgumentNullException.ThrowIfNull(report);
        var claims = report.Triggers.Where(t => t.Significant).ToList();
        if (planted is null)
        {
            return new StudyOutcome(false, false, false, claims.Count, claims.Count, claims.Count, report.Tests);
        }
        bool Right(TriggerFinding t) => t.Exposure == planted.Exposure && planted.Overlaps(t.LagStartHours, t.LagEndHours);
        var right = claims.Where(Right).OrderBy(t => t.Q).ThenBy(t => t.P).ToList();
        var dose = ExpectedDose(planted);
        var window = TriggerRules.Current.Windows.List
            .OrderByDescending(w => Math.Min(w.EndHours, planted.LagEndHours) - Math.Max(w.StartHours, planted.LagStartHours))
            .First();
        var oracle = report.Triggers.FirstOrDefault(t => t.Exposure == planted.Exposure && t.Dose == dose && t.LagStartHours == window.StartHours);
        return new StudyOutcome(
            right.Count > 0,
            right.Count > 0 && right[0].Dose == dose,
            oracle is { P: <= 0.05 },
            claims.Count,
            claims.Count(t => !Right(t)),
            claims.Count(t => t.Exposure != planted.Exposure && !planted.Linked().Contains(t.Exposure)),
            report.Tests);
    }

    /// <summary>The engine's dose level that matches a planted dose: the long spell for a planted minimum length, else the only or first level.</summary>
    public static string ExpectedDose(PlantedTrigger planted)
    {
        ArgumentNullException.ThrowIfNull(planted);
        var levels = TriggerRules.Current.Doses.For(planted.Type);
        return planted.MinMinutes > 0
            ? levels.Where(l => l.MinMinutes <= planted.MinMinutes).OrderByDescending(l => l.MinMinutes).First().Level
            : levels[0].Level;
    }

    /// <summary>A planted diary for a seed: the trigger cycles through the catalogue so every kind is tried.</summary>
    public static DiaryScenario Planted(double rateRatio, int flares, int seed, bool misaligned = false)
    {
        var catalogue = misaligned ? PlantedTrigger.Misaligned(rateRatio) : PlantedTrigger.Catalogue(rateRatio);
        return new DiaryScenario(DaysFor(flares), flares, catalogue[seed % catalogue.Count], seed);
    }

    public static DiaryScenario Null(int flares, int seed) => new(DaysFor(flares), flares, null, seed);

    /// <summary>The seeds of the study in docs/triggers.md and its tests: 200 planted diaries a cell.</summary>
    public static IReadOnlyList<DiaryScenario> PlantedCell(double rateRatio, int flares, bool misaligned = false) =>
        [.. Enumerable.Range(1, 200).Select(seed => Planted(rateRatio, flares, seed, misaligned))];

    /// <summary>The seeds of the study's null diaries: 600 a cell.</summary>
    public static IReadOnlyList<DiaryScenario> NullCell(int flares) =>
        [.. Enumerable.Range(1, 600).Select(seed => Null(flares, 100_000 + seed))];

    public sealed record Summary(int Diaries, double Recall, double RecallAtDose, double OracleRecall, double AnyClaim, double WrongClaimShare, double UnlinkedClaimShare, double MeanTests);

    /// <summary>Runs many diaries in parallel (results do not depend on the order) and sums them up.</summary>
    public static Summary Summarise(IReadOnlyList<DiaryScenario> scenarios, TriggerRules? rules = null, int parallelism = 2)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var outcomes = new StudyOutcome[scenarios.Count];
        Parallel.For(0, scenarios.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => outcomes[i] = Run(scenarios[i], rules));
        var claims = outcomes.Sum(o => o.Claims);
        return new Summary(
            outcomes.Length,
            outcomes.Average(o => o.Found ? 1.0 : 0),
            outcomes.Average(o => o.FoundAtDose ? 1.0 : 0),
            outcomes.Average(o => o.OracleFound ? 1.0 : 0),
            outcomes.Average(o => o.Claims > 0 ? 1.0 : 0),
            claims == 0 ? 0 : outcomes.Sum(o => o.WrongClaims) / (double)claims,
            claims == 0 ? 0 : outcomes.Sum(o => o.UnlinkedClaims) / (double)claims,
            outcomes.Average(o => o.Tests));
    }
}
