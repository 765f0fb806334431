using System.Globalization;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Triggers;

/// <summary>Plain sentences for findings, from the wording bands of trigger-rules.json. Never a diagnosis.</summary>
public static class TriggerWording
{
    public const string NotADiagnosis =
        "This shows what tended to come before flare-ups in your diary. It does not prove what causes them, and it is not a diagnosis.";

    /// <summary>"long sitting (2 hours or more)", "a short night (under 6 hours of sleep)".</summary>
    public static string Exposure(string item, TriggerRules.DoseLevel dose) => dose.Words
        .Replace("{item}", DiaryVocabulary.Words(item), StringComparison.Ordinal)
        .Replace("{minutes}", Duration(dose.MinMinutes ?? 0), StringComparison.Ordinal)
        .Replace("{value}", Number(dose.MinValue ?? dose.BelowValue ?? 0), StringComparison.Ordinal);

    public static string Effect(double effect, TriggerRules rules)
    {
        var band = rules.Wording.Effects.First(b => b.Below is not { } below || effect < below);
        return band.Words.Replace("{n}", Math.Round(effect, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    public static string Certainty(double q, TriggerRules rules) =>
        rules.Wording.Certainty.First(b => b.MaxQ is not { } max || q <= max).Words;

    /// <summary>
    /// "Flare-ups were about 3 times as likely 6 to 12 hours after long sitting (2 hours or more); fairly sure." When
    /// the interval has no upper end (every compared flare-up came after it) the estimate is no more than a guess, so
    /// the sentence gives no number (<paramref name="openEnded"/>).
    /// </summary>
    public static string Summary(double effect, double q, TriggerRules.Window window, string exposureWords, IReadOnlyList<string> togetherWith, TriggerRules rules, bool openEnded = false)
    {
        var sentence = effect < 1
            ? $"Flare-ups were not more likely {window.Words} {exposureWords}."
            : openEnded
                ? $"Flare-ups were {rules.Wording.OpenEnded} {window.Words} {exposureWords}; {Certainty(q, rules)}."
                : $"Flare-ups were {Effect(effect, rules)} {window.Words} {exposureWords}; {Certainty(q, rules)}.";
        if (togetherWith.Count > 0)
        {
            sentence += $" It was logged together with {string.Join(" and ", togetherWith.Select(Item))} nearly every time, so the diary cannot tell them apart.";
        }
        return sentence;
    }

    /// <summary>The plain name of an exposure: "activity:desk-work" → "desk work".</summary>
    public static string Item(string exposure) => DiaryVocabulary.Words(exposure[(exposure.IndexOf(':', StringComparison.Ordinal) + 1)..]) switch
    {
        "night" => "sleep",
        var words => exposure.StartsWith("checkin:", StringComparison.Ordinal) ? $"{words} (check-in)" : words,
    };

    /// <summary>
    /// The flare-ups behind a finding: "17 of the 19 flare-ups came 6 to 12 hours after long sitting (2 hours or more);
    /// about 11 would have if it made no difference." When some were left out it says how many were counted and why.
    /// </summary>
    public static string Counts(TriggerFinding finding, int flares, TriggerRules rules)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(rules);
        var counts = finding.Counts;
        var window = rules.Windows.List.First(w => w.StartHours == finding.LagStartHours);
        var of = counts.Counted == flares ? $"{counts.After} of the {flares} flare-ups" : $"{counts.After} of the {counts.Counted} flare-ups that could be counted";
        var sentence = $"{of} came {window.Words} {finding.Words}; about {counts.ByChance.ToString("0", CultureInfo.InvariantCulture)} would have if it made no difference.";
        if (counts.LeftOutForGaps > 0)
        {
            sentence += $" {Flares(counts.LeftOutForGaps, capital: true)} of the {flares} {(counts.LeftOutForGaps == 1 ? "was" : "were")} left out: a day in the {window.EndHours} hours before {(counts.LeftOutForGaps == 1 ? "it" : "them")} has nothing logged, so the diary cannot say what came first.";
        }
        if (counts.LeftOutNoComparison > 0)
        {
            sentence += $" {Flares(counts.LeftOutNoComparison, capital: true)} {(counts.LeftOutNoComparison == 1 ? "was" : "were")} left out because no other day near {(counts.LeftOutNoComparison == 1 ? "it" : "them")} was logged to compare with.";
        }
        return sentence;
    }

    /// <summary>"2 to 6 times as likely", or "at least 1.5 times as likely" when the interval has no upper end.</summary>
    public static string Range(TriggerFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.CiHigh is { } high
            ? $"Somewhere between {Round(finding.CiLow)} and {Round(high)} times as likely (a 95 % range)."
            : $"At least {Round(finding.CiLow)} times as likely (a 95 % range); the diary cannot yet say how much more.";
    }

    /// <summary>A dose level as a condition: "rated 2 or more", "for 2 hours or more", "under 6 hours".</summary>
    public static string Level(TriggerRules.DoseLevel dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return dose switch
        {
            { MinValue: { } min } => $"rated {Number(min)} or more",
            { BelowValue: { } below } => $"under {Number(below)} hours",
            { MinMinutes: > 0 and var minutes } => $"for {Duration(minutes)} or more",
            _ => "at all",
        };
    }

    private static string Flares(int count, bool capital) => count == 1 ? (capital ? "One flare-up" : "one flare-up") : $"{count} flare-ups";

    /// <summary>Numbers as a person reads them: 0.43, 1.5, 57.</summary>
    public static string Round(double value) => value switch
    {
        >= 10 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 0.1 => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Duration(int minutes) => minutes switch
    {
        >= 60 when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes} minutes",
    };

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
