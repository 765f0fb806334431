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

    /// <summary>"Flare-ups were about 3 times as likely 6 to 12 hours after long sitting (2 hours or more); fairly sure."</summary>
    public static string Summary(double effect, double q, TriggerRules.Window window, string exposureWords, IReadOnlyList<string> togetherWith, TriggerRules rules)
    {
        var sentence = effect < 1
            ? $"Flare-ups were not more likely {window.Words} {exposureWords}."
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

    public static string Duration(int minutes) => minutes switch
    {
        >= 60 when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes} minutes",
    };

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
