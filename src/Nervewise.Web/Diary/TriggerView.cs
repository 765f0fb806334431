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
        // The strongest dose level per exposure and delay: "long sitting" and "sitting" at once would say one thing twice.
        Found = [.. report.Significant.GroupBy(t => (t.Exposure, t.LagStartHours)).Select(g => g.First())];
        Hints = [.. report.Triggers.Where(t => !t.Significant && t.Effect >= 1.25 && t.Q <= Hint).Take(3)];
        Leading = report.Triggers.Count == 0 ? [] : report.Leading();
    }

    /// <summary>Findings up to this q are worth watching; the rules file words them as "only a hint".</summary>
    private const double Hint = 0.2;

    public TriggerReport Report { get; }

    /// <summary>"your" for the person, "Sam's" on a clinician's page.</summary>
    public string Whose { get; }

    public IReadOnlyList<TriggerFinding> Found { get; }

    public IReadOnlyList<TriggerFinding> Hints { get; }

    public IReadOnlyList<LeadingExposure> Leading { get; }

    /// <summary>How far towards the flare-ups needed, 0 to 100, for the progress bar.</summary>
    public int Progress => Report.FlaresNeeded is { } needed and > 0 ? Math.Min(100, Report.Flares * 100 / needed) : 100;

    public static TriggerView From(IEnumerable<DiaryEntry> entries, string whose = "your") => new(TriggerAnalysis.Analyse(entries), whose);

    public static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
