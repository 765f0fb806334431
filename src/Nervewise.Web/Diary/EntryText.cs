using System.Globalization;
using Nervewise.Data.Diary;
using Nervewise.Domain.Diary;

namespace Nervewise.Web.Diary;

/// <summary>One diary row in a few plain words, for lists.</summary>
public static class EntryText
{
    public const string Checked = "A professional checked the warning signs";

    public static string Describe(DiaryEntryRecord e) => Describe(e.Type, e.Item, e.Value, e.DurationMinutes, e.Note);

    public static string Describe(DiaryEntry e) => Describe(DiaryVocabulary.Name(e.Type), e.Item, e.Value, e.DurationMinutes, e.Note);

    private static string Describe(string type, string slug, decimal? number, int? duration, string? note)
    {
        var item = DiaryVocabulary.Words(slug);
        var value = number?.ToString("0.#", CultureInfo.InvariantCulture);
        var minutes = duration is { } m ? m >= 60 ? $"{m / 60.0:0.#} h" : $"{m} min" : null;
        var e = (Type: type, Value: number);
        return e.Type switch
        {
            "pain" => $"Pain in {BodySides.Place(slug, note)}: {value}/10",
            "symptom" => $"{Cap(item)}: {value}/10" + (minutes is null ? "" : $", {minutes}"),
            "activity" => $"{Cap(item)}, {minutes}" + (value is null ? "" : $", effort {value}/10"),
            "exercise" => $"Rehab: {item}, {minutes}, pain during {value}/10",
            "flare" => $"Flare-up reaching the {BodySides.Place(slug, note)}, peak {value}/10" + (minutes is null ? "" : $", {minutes}"),
            "sleep" => $"Slept {SleepHours.Label(number ?? 0)}",
            "checkin" => $"Check-in, {item}: {value}/4",
            "relief" => $"Tried {item}: pain {(e.Value < 0 ? "down" : e.Value > 0 ? "up" : "no change")} {Math.Abs(e.Value ?? 0):0.#}",
            // Written by /safety/check: the warning signs logged up to this time have been looked at.
            "checked" => Checked,
            _ => $"{type} {item}",
        };
    }

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
