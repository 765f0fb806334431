using System.Globalization;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;

namespace Nervewise.Web.Diary;

/// <summary>
/// "What comes before my flare-ups" for one person's entries, ready for the _Triggers partial. A clinician's page
/// builds the same model from their patient's entries with <see cref="Whose"/> set to the person's name.
/// </summary>
public sealed class TriggerView
{
    private TriggerView(TriggerReport report, string whose)
    {
        Report = report;
        Whose = whose;
        // One line per exposure, the same lines the report and the PDF show.
        Found = report.Headlines();
        Hints = report.Hints();
        Leading = report.Triggers.Count == 0 ? [] : report.Leading();
    }

    public TriggerReport Report { get; }

    /// <summary>"your" for the person, "Sam's" on a clinician's page.</summary>
    public string Whose { get; }

    public IReadOnlyList<TriggerFinding> Found { get; }

    public IReadOnlyList<TriggerFinding> Hints { get; }

    public IReadOnlyList<LeadingExposure> Leading { get; }

    /// <summary>How far towards the flare-ups needed, 0 to 100, for the progress bar.</summary>
    public int Progress => Report.FlaresNeeded is { } needed and > 0 ? Math.Min(100, Report.Flares * 100 / needed) : 100;

    /// <summary>
    /// The numbers behind one line, for its "How sure is this?" fold: the flare-ups counted and left out, the range,
    /// what the certainty words mean here, and the other delays at which the same exposure stood out.
    /// </summary>
    public IReadOnlyList<string> Sureness(TriggerFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var rules = TriggerRules.Current;
        var lines = new List<string>();
        if (Report.FlareRows > Report.Flares)
        {
            lines.Add($"{Report.FlareRows} flare-ups were logged; entries less than {TriggerWording.Duration((int)(rules.Flares.SameFlareWithinHours * 60))} apart count as one flare-up, so there are {Report.Flares}.");
        }
        lines.Add(TriggerWording.Counts(finding, Report.Flares, rules));
        lines.Add(TriggerWording.Range(finding));
        var q = finding.Q < 0.001 ? "under 0.001" : finding.Q.ToString("0.###", CultureInfo.InvariantCulture);
        lines.Add($"“{Capitalised(TriggerWording.Certainty(finding.Q, rules))}”: this diary was checked {Report.Tests} ways (each thing, amount and delay), "
            + $"and after allowing for all of them its score (q, lower is surer) is {q}: 0.05 or less stands out, 0.01 or less is quite sure.");
        foreach (var other in Report.AlsoFor(finding))
        {
            lines.Add($"It also stood out {Window(other).Words} {other.Words}: {Effect(other)}.");
        }
        return lines;
    }

    public static TriggerView From(IEnumerable<DiaryEntry> entries, string whose = "your") => new(TriggerAnalysis.Analyse(entries), whose);

    public static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    private static TriggerRules.Window Window(TriggerFinding finding) =>
        TriggerRules.Current.Windows.List.First(w => w.StartHours == finding.LagStartHours);

    private static string Effect(TriggerFinding finding) => finding.CiHigh is null
        ? TriggerRules.Current.Wording.OpenEnded
        : TriggerWording.Effect(finding.Effect, TriggerRules.Current);
}
