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
    string Summary,
    TriggerCounts Counts);

/// <summary>
/// The flare-ups behind one finding in words a person can check against their diary: of the flare-ups that could be
/// counted in this window, how many came after the exposure and how many would have by chance, and how many of those
/// logged were left out and why. The test itself weighs only the flare-ups whose comparison times differed
/// (<see cref="TriggerFinding.FlaresCompared"/>); these counts include the rest too.
/// </summary>
public sealed record TriggerCounts(int Counted, int After, double ByChance, int LeftOutForGaps, int LeftOutNoComparison);

/// <summary>An exposure that was logged but never checked, and why: too rare near flare-ups, or present nearly every time.</summary>
public sealed record NotChecked(string Exposure, bool TooRare, int TimesLogged, string Words);

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
    /// <summary>Flare rows as logged, before rows within the merge gap were joined into one flare-up.</summary>
    public int FlareRows { get; init; } = Flares;

    /// <summary>Every exposure that was logged but not checked, with the reason in words.</summary>
    public IReadOnlyList<NotChecked> NotChecked { get; init; } = [];

    public bool TooFewFlares => Flares < TriggerRules.Current.Flares.Minimum;

    public IReadOnlyList<TriggerFinding> Significant => [.. Triggers.Where(t => t.Significant)];

    /// <summary>Findings up to this q are worth watching; the rules file words them as "only a hint".</summary>
    public const double HintLevel = 0.2;

    /// <summary>
    /// What stood out, one line per exposure: its strongest finding over every dose level and delay, so sitting and
    /// long sitting never read as two things. The page, the report and the PDF all show these same lines.
    /// </summary>
    public IReadOnlyList<TriggerFinding> Headlines() => [.. Significant.GroupBy(t => t.Exposure).Select(g => Best(g)!)];

    /// <summary>
    /// The finding to lead with: the surest (lowest q), and among equally sure ones a size the diary can bound before
    /// one it cannot (the false discovery step-up often gives several the same q), then the lowest p.
    /// </summary>
    public static TriggerFinding? Best(IEnumerable<TriggerFinding?> findings) =>
        findings.OfType<TriggerFinding>().OrderBy(t => t.Q).ThenBy(t => t.CiHigh is null).ThenBy(t => t.P).FirstOrDefault();

    /// <summary>Worth keeping an eye on: the best near-miss of each exposure that did not stand out, at most three.</summary>
    public IReadOnlyList<TriggerFinding> Hints()
    {
        var standing = Significant.Select(t => t.Exposure).ToHashSet(StringComparer.Ordinal);
        return [.. Triggers.Where(t => !t.Significant && t.Effect >= 1.25 && t.Q <= HintLevel && !standing.Contains(t.Exposure))
            .GroupBy(t => t.Exposure).Select(g => Best(g)!).Take(3)];
    }

    /// <summary>The other delays and dose levels at which an exposure also stood out, for the detail under its line.</summary>
    public IReadOnlyList<TriggerFinding> AlsoFor(TriggerFinding headline) =>
        [.. Significant.Where(t => t.Exposure == headline.Exposure && !ReferenceEquals(t, headline))];

    /// <summary>The exposures with the lowest q (then p), one dose level each, for the chart by delay.</summary>
    public IReadOnlyList<LeadingExposure> Leading(TriggerRules? rules = null)
    {
        rules ??= TriggerRules.Current;
        var windows = rules.Windows.List;
        return [.. Triggers
            .GroupBy(t => t.Exposure)
            .Select(g => Best(g)!)
            .OrderBy(t => t.Q).ThenBy(t => t.P).ThenBy(t => t.Exposure, StringComparer.Ordinal)
            .Take(rules.Wording.LeadingExposures)
            .Select(best => new LeadingExposure(best.Exposure, best.Dose, best.Words, windows,
                [.. windows.Select(w => Triggers.FirstOrDefault(t =>
                    t.Exposure == best.Exposure && t.Dose == best.Dose && t.LagStartHours == w.StartHours))]))];
    }
}
