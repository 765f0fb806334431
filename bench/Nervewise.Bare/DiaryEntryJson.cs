using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Nervewise.Bare;

/// <summary>
/// Nervewise's diary entry body, {"id", "time", "type", "item", "value", "durationMinutes", "note"}, read in one pass
/// with Utf8JsonReader and checked by the same rules as its DiaryRequest and DiaryEntry.Check (each refusal names its
/// field; the wording is shorter here). Only what the rules need becomes a string.
/// </summary>
internal static class DiaryEntryJson
{
    public const int MaxBytes = 16 * 1024; // DiaryRequest.MaxBytes
    private const int MaxSlugLength = 64, MaxNoteLength = 2000, MaxDurationMinutes = 14 * 24 * 60;

    private enum Duration { None, Optional, Required }

    private sealed record Rule(string Name, string[]? Items, decimal Min, decimal Max, bool Whole, bool ValueOptional, bool NoValue, Duration Duration);

    private static readonly string[] Regions = ["low-back", "buttock", "sit-bone", "posterior-thigh", "back-of-knee", "calf", "shin", "foot"];

    // DiaryEntry's rules, type by type (symptoms include the red flags of assessment-rules.json).
    private static readonly Rule[] Rules =
    [
        new("pain", Regions, 0, 10, false, false, false, Duration.None),
        new("symptom", ["pins-and-needles", "numbness", "weakness", "burning", "heaviness", "bladder-bowel-change", "saddle-numbness",
            "sexual-function-change", "progressive-weakness", "both-legs", "foot-drop", "fever-or-unwell", "calf-swelling", "major-trauma",
            "fragile-bones-minor-fall", "suspected-tendon-tear", "injected-drugs", "lowered-immunity", "unexplained-weight-loss",
            "cancer-history", "constant-night-pain"], 0, 10, false, false, false, Duration.Optional),
        new("activity", null, 0, 10, false, true, false, Duration.Required),
        new("exercise", null, 0, 10, false, false, false, Duration.Required),
        new("flare", Regions, 0, 10, false, false, false, Duration.Optional),
        new("sleep", ["night"], 0, 24, false, false, false, Duration.None),
        new("checkin", ["stress", "illness", "routine", "worry", "sleep", "movement", "self-care", "recovery", "belonging", "enjoyment"],
            0, 4, true, false, false, Duration.None),
        new("relief", ["position-change", "movement", "heat", "medication", "rest"], -10, 10, false, false, false, Duration.Optional),
        new("checked", ["red-flags"], 0, 0, true, true, true, Duration.None),
    ];

    private static readonly string[] TimeFormats = // DiaryTime's
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public sealed record Entry(Guid? Id, DateTimeOffset Time, string Type, string Item, decimal? Value, int? DurationMinutes, string Note);

    /// <summary>The entry, or null with the problems by field ("$" for the body as a whole).</summary>
    public static Entry? Read(ReadOnlySequence<byte> body, Dictionary<string, string[]> errors)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
        Guid? id = null;
        DateTimeOffset? time = null;
        Rule? rule = null;
        string item = "";
        decimal? value = null;
        int? duration = null;
        string? note = null;
        var field = "$";
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                while (reader.Read()) { } // still refuse a body that is not JSON at all
                errors["$"] = ["expected a JSON object"];
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                field = Field(ref reader);
                reader.Read();
                var isNull = reader.TokenType == JsonTokenType.Null;
                switch (field)
                {
                    case "id":
                        id = null;
                        if (isNull)
                        {
                            errors.Remove("id");
                        }
                        else if (reader.TokenType == JsonTokenType.String && TryGuid(ref reader, out var g))
                        {
                            id = g;
                        }
                        else
                        {
                            errors["id"] = ["must be a GUID made by the client, such as 3f2c8a4e-7d1b-4c3e-9a57-1b2c3d4e5f60"];
                        }
                        break;
                    case "time":
                        time = reader.TokenType == JsonTokenType.String && TryTime(ref reader, out var t) ? t : null;
                        break;
                    case "type":
                        rule = reader.TokenType == JsonTokenType.String ? FindRule(ref reader) : null;
                        break;
                    case "item":
                        item = reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
                        break;
                    case "value":
                        value = isNull ? null : reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d) ? d : Fail<decimal>(errors, "value", "must be a number");
                        break;
                    case "durationMinutes":
                        duration = isNull ? null : reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var m) ? m : Fail<int>(errors, "durationMinutes", "must be whole minutes");
                        break;
                    case "note":
                        note = isNull || reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        if (!isNull && reader.TokenType != JsonTokenType.String)
                        {
                            errors["note"] = ["must be text"];
                        }
                        break;
                    default:
                        SkipChecked(ref reader);
                        break;
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    SkipChecked(ref reader); // an object or a list where a known field wants a value
                }
                field = "$";
            }
            while (reader.Read()) { } // the end of the object, and nothing after it
        }
        catch (JsonException ex)
        {
            errors.Clear();
            errors["$"] = [$"is not valid JSON: {ex.Message}"];
            return null;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") cannot be read as text (JsonText.FirstUnreadable in Nervewise).
            errors.Clear();
            errors[field] = ["holds a broken character (invalid UTF-8, or a lone UTF-16 surrogate such as \\uD800); remove it"];
            return null;
        }

        if (time is not { } when)
        {
            errors["time"] = ["must be an ISO 8601 time with its UTC offset, such as 2026-03-01T21:30:00+01:00"];
        }
        else if (when.Year is < 1900 or >= 2200)
        {
            errors["time"] = ["must be in the years 1900 to 2199"];
        }
        if (rule is null)
        {
            errors["type"] = [$"must be one of {string.Join(", ", Rules.Select(r => r.Name))}"];
            return null;
        }
        Check(rule, item, value, duration, note, errors);
        return errors.Count > 0 ? null : new(id, time!.Value, rule.Name, item, value, duration, note ?? "");
    }

    // DiaryEntry.Check: the item, the value and the duration for the type; the note's length and characters.
    private static void Check(Rule rule, string item, decimal? value, int? duration, string? note, Dictionary<string, string[]> errors)
    {
        if (item.Length is 0 or > MaxSlugLength || !IsSlug(item))
        {
            errors.TryAdd("item", [$"must be a lowercase slug of a-z, 0-9 and '-', at most {MaxSlugLength} characters"]);
        }
        else if (rule.Items is { } allowed && Array.IndexOf(allowed, item) < 0)
        {
            errors.TryAdd("item", [$"'{item}' is not a {rule.Name} item; use one of {string.Join(", ", allowed)}"]);
        }

        if (rule.NoValue ? value is not null
            : value is null ? !rule.ValueOptional
            : value < rule.Min || value > rule.Max || (rule.Whole && value != decimal.Truncate(value.Value)))
        {
            errors.TryAdd("value", [rule.NoValue ? $"must be empty for {rule.Name}" : $"must be from {rule.Min} to {rule.Max} for {rule.Name}"]);
        }

        if ((rule.Duration == Duration.Required && duration is null) || (rule.Duration == Duration.None && duration is not null)
            || duration is < 0 or > MaxDurationMinutes)
        {
            errors.TryAdd("durationMinutes", [$"must be whole minutes from 0 to {MaxDurationMinutes}, or empty, as {rule.Name} needs"]);
        }

        if (note is { Length: > MaxNoteLength })
        {
            errors.TryAdd("note", [$"is longer than {MaxNoteLength} characters"]);
        }
        else if (note is not null && note.Contains('\0', StringComparison.Ordinal))
        {
            errors.TryAdd("note", ["holds a NUL character (\\u0000), which cannot be stored; remove it"]);
        }
    }

    // ^[a-z0-9]+(-[a-z0-9]+)*$ without a regular expression.
    private static bool IsSlug(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && i > 0 && i < text.Length - 1 && text[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static Rule? FindRule(ref Utf8JsonReader reader)
    {
        foreach (var rule in Rules)
        {
            if (reader.ValueTextEquals(rule.Name))
            {
                return rule;
            }
        }
        return null;
    }

    private static string Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? "id"
        : reader.ValueTextEquals("time"u8) ? "time"
        : reader.ValueTextEquals("type"u8) ? "type"
        : reader.ValueTextEquals("item"u8) ? "item"
        : reader.ValueTextEquals("value"u8) ? "value"
        : reader.ValueTextEquals("durationMinutes"u8) ? "durationMinutes"
        : reader.ValueTextEquals("note"u8) ? "note"
        : reader.ValueIsEscaped ? reader.GetString()! // throws for a broken name, as Nervewise refuses it
        : "";

    /// <summary>Any GUID form Guid.TryParse takes, as Nervewise's; never the empty one.</summary>
    private static bool TryGuid(ref Utf8JsonReader reader, out Guid id)
    {
        Span<char> text = stackalloc char[64];
        id = Guid.Empty;
        return reader.ValueSpan.Length <= 64 && !reader.ValueIsEscaped
            ? Guid.TryParse(text[..reader.CopyString(text)], out id) && id != Guid.Empty
            : Guid.TryParse(reader.GetString(), out id) && id != Guid.Empty;
    }

    private static bool TryTime(ref Utf8JsonReader reader, out DateTimeOffset time)
    {
        Span<char> text = stackalloc char[64];
        ReadOnlySpan<char> chars = reader.ValueSpan.Length <= 64 && !reader.ValueIsEscaped
            ? text[..reader.CopyString(text)]
            : reader.GetString();
        return DateTimeOffset.TryParseExact(chars.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    /// <summary>Passes over a value nobody reads, still refusing escaped text that is no text (as Nervewise does).</summary>
    private static void SkipChecked(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var inside = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        do
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                reader.GetString();
            }
        }
        while (inside && reader.Read() && reader.CurrentDepth > depth);
    }

    private static T? Fail<T>(Dictionary<string, string[]> errors, string field, string message)
        where T : struct
    {
        errors[field] = [message];
        return null;
    }

    /// <summary>The answer's body, as Nervewise's EntryView with the web's JSON defaults (camelCase, nulls written).</summary>
    public static void Write(IBufferWriter<byte> output, Guid id, Entry entry)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("id"u8, id);
        json.WriteString("time"u8, FormatTime(entry.Time));
        json.WriteString("type"u8, entry.Type);
        json.WriteString("item"u8, entry.Item);
        if (entry.Value is { } value) json.WriteNumber("value"u8, value); else json.WriteNull("value"u8);
        if (entry.DurationMinutes is { } minutes) json.WriteNumber("durationMinutes"u8, minutes); else json.WriteNull("durationMinutes"u8);
        json.WriteString("note"u8, entry.Note);
        json.WriteEndObject();
    }

    // DiaryTime.Format: seconds, or the fraction when there is one; the offset as written.
    private static string FormatTime(DateTimeOffset time) =>
        time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
