using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nervewise.Domain.Triggers;

/// <summary>
/// The report as shared/spec/cli.md spells it: flares, days, triggers[{exposure, lagStartHours, lagEndHours, effect,
/// ciLow, ciHigh, q, significant, summary}] and a message when there is something to say. Fields after those are
/// additions; none is ever renamed. Numbers keep three significant digits.
/// </summary>
public sealed record TriggerDocument(
    int Flares,
    int Days,
    IReadOnlyList<TriggerDocument.Entry> Triggers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FlaresNeeded,
    int DaysLogged,
    int Tests,
    IReadOnlyList<TriggerDocument.TogetherEntry> CannotTellApart,
    IReadOnlyList<string> TooRare,
    int FlareRows,
    IReadOnlyList<TriggerDocument.NotCheckedEntry> NotChecked)
{
    /// <param name="CiHigh">Null when the interval has no upper end (every compared flare-up followed the exposure).</param>
    /// <param name="FlaresCompared">Flare-ups whose comparison days differed in this exposure: the ones that carry information.</param>
    /// <param name="FlaresAfter">Of those, the ones that followed the exposure in this window.</param>
    /// <param name="ExpectedByChance">How many would have followed it if it made no difference.</param>
    /// <param name="FlaresCounted">Every flare-up counted in this window, informative or not; the rest were left out.</param>
    /// <param name="FlaresCountedAfter">Of those, the ones that followed the exposure.</param>
    /// <param name="CountedByChance">How many of those would have followed it if it made no difference.</param>
    /// <param name="Counts">The same counts in words, as the page and the report show them.</param>
    public sealed record Entry(
        string Exposure,
        int LagStartHours,
        int LagEndHours,
        double Effect,
        double CiLow,
        double? CiHigh,
        double Q,
        bool Significant,
        string Summary,
        string Dose,
        string DoseWords,
        double P,
        int FlaresCompared,
        int FlaresAfter,
        double ExpectedByChance,
        IReadOnlyList<string> TogetherWith,
        int FlaresCounted,
        int FlaresCountedAfter,
        double CountedByChance,
        string Counts);

    public sealed record TogetherEntry(IReadOnlyList<string> Exposures, string Summary);

    /// <summary>An exposure logged but not checked: too rare near the flare-ups, or present at nearly every time.</summary>
    public sealed record NotCheckedEntry(string Exposure, bool TooRare, int TimesLogged, string Summary);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static TriggerDocument From(TriggerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new TriggerDocument(
            report.Flares,
            report.Days,
            [.. report.Triggers.Select(t => new Entry(
                t.Exposure, t.LagStartHours, t.LagEndHours, Round(t.Effect), Round(t.CiLow), t.CiHigh is { } high ? Round(high) : null,
                Round(t.Q), t.Significant, t.Summary, t.Dose, t.Words, Round(t.P), t.FlaresCompared, t.FlaresAfter,
                Math.Round(t.ExpectedByChance, 1), t.TogetherWith, t.Counts.Counted, t.Counts.After, Math.Round(t.Counts.ByChance, 1),
                TriggerWording.Counts(t, report.Flares, TriggerRules.Current)))],
            report.Message,
            report.FlaresNeeded,
            report.DaysLogged,
            report.Tests,
            [.. report.Together.Select(p => new TogetherEntry([p.First, p.Second], p.Summary))],
            report.TooRare,
            report.FlareRows,
            [.. report.NotChecked.Select(n => new NotCheckedEntry(n.Exposure, n.TooRare, n.TimesLogged, n.Words))]);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Three significant digits: 4.1234 → 4.12, 0.004123 → 0.00412.</summary>
    public static double Round(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return value;
        }
        var digits = 2 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return Math.Round(value, Math.Clamp(digits, 0, 15));
    }
}
