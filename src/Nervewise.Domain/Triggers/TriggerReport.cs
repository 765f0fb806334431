namespace Nervewise.Domain.Triggers;

/// <summary>
/// One exposure at one dose level in one delay window. <see cref="Effect"/> is the conditional odds ratio of a
/// flare-up when the exposure ended between <see cref="LagStartHours"/> and <see cref="LagEndHours"/> earlier,
/// against comparison times without it; <see cref="CiHigh"/> is null when the interval has no upper end.
/// </summary>
public sealed record TriggerFinding(
    string Exposure,
    string Dose,
    string Words,
    int LagStartHours,
    int LagEndHours,
    double Effect,
    double CiLow,
    double? CiHigh,
    double P,
    double Q,
    bool Significant,
    int FlaresCompared,
    int FlaresAfter,
    double ExpectedByChance,
    IReadOnlyList<string> TogetherWith,
    string Summary);

/// <summary>Two exposures the diary cannot tell apart: logged together nearly every time.</summary>
public sealed record TogetherPair(string First, string Second, string Summary);

/// <summary>An exposure with the strongest evidence, at its best dose level, with its finding in each window (null where untested).</summary>
public sealed record LeadingExposure(string Exposure, string Dose, string Words, IReadOnlyList<TriggerRules.Window> Windows, IReadOnlyList<TriggerFinding?> ByWindow);

/// <summary>What came before flare-ups in one diary, and what the diary cannot say.</summary>
public sealed record TriggerReport(
    int Flares,
    int Days,
    int DaysLogged,
    int Tests,
    IReadOnlyList<TriggerFinding> Triggers,
    string? Message,
    int? FlaresNeeded,
    IReadOnlyList<TogetherPair> Together,
    IReadOnlyList<string> TooRare)
{
    public bool TooFewFlares => Flares < TriggerRules.Current.Flares.Minimum;

    public IReadOnlyList<TriggerFinding> Significant => [.. Triggers.Where(t => t.Significant)];

    /// <summary>The exposures with the lowest q (then p), one dose level each, for the chart by delay.</summary>
    public IReadOnlyList<LeadingExposure> Leading(TriggerRules? rules = null)
    {
        rules ??= TriggerRules.Current;
        var windows = rules.Windows.List;
        return [.. Triggers
            .GroupBy(t => t.Exposure)
            .Select(g => g.OrderBy(t => t.Q).ThenBy(t => t.P).First())
            .OrderBy(t => t.Q).ThenBy(t => t.P).ThenBy(t => t.Exposure, StringComparer.Ordinal)
            .Take(rules.Wording.LeadingExposures)
            .Select(best => new LeadingExposure(best.Exposure, best.Dose, best.Words, windows,
                [.. windows.Select(w => Triggers.FirstOrDefault(t =>
                    t.Exposure == best.Exposure && t.Dose == best.Dose && t.LagStartHours == w.StartHours))]))];
    }
}
