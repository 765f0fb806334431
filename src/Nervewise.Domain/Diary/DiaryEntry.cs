using System.Text.RegularExpressions;
using Nervewise.Domain.Input;

namespace Nervewise.Domain.Diary;

/// <summary>
/// One row of the diary, checked against shared/spec/diary-csv.md. The time keeps the offset it was
/// written with (travel, daylight saving); <see cref="Time"/>.UtcDateTime orders entries.
/// </summary>
public sealed partial record DiaryEntry
{
    public const int MaxSlugLength = 64;
    public const int MaxNoteLength = 2000;
    public const int MaxDurationMinutes = 14 * 24 * 60;

    private DiaryEntry(DateTimeOffset time, EntryType type, string item, decimal? value, int? durationMinutes, string note)
    {
        Time = time;
        Type = type;
        Item = item;
        Value = value;
        DurationMinutes = durationMinutes;
        Note = note;
    }

    public DateTimeOffset Time { get; }
    public EntryType Type { get; }
    public string Item { get; }
    public decimal? Value { get; }
    public int? DurationMinutes { get; }
    public string Note { get; }

    /// <summary>When it ended: the start plus its duration, or the start for entries with no duration.</summary>
    public DateTimeOffset End => DurationMinutes is { } minutes ? Time.AddMinutes(minutes) : Time;

    /// <summary>Checks every field; each problem names its column (time, type, item, value, duration_minutes, note).</summary>
    public static DiaryEntry Create(DateTimeOffset time, EntryType type, string item, decimal? value, int? durationMinutes, string? note)
    {
        var errors = Check(type, item, value, durationMinutes, note);
        if (CheckTime(time) is { } timeError)
        {
            errors = [timeError, .. errors];
        }
        return errors.Count == 0
            ? new DiaryEntry(time, type, item, value, durationMinutes, note ?? "")
            : throw new DiaryEntryException(errors);
    }

    /// <summary>The time's problem, if it is outside the years 1900 to 2199 (<see cref="DiaryTime.InRange"/>).</summary>
    public static FieldError? CheckTime(DateTimeOffset time) =>
        DiaryTime.InRange(time) ? null : new("time", $"{DiaryTime.OutOfRange}, not {DiaryTime.Format(time)}");

    public static IReadOnlyList<FieldError> Check(EntryType type, string item, decimal? value, int? durationMinutes, string? note)
    {
        var errors = new List<FieldError>();
        var rule = Rules[type];

        if (string.IsNullOrEmpty(item) || item.Length > MaxSlugLength || !Slug().IsMatch(item))
        {
            errors.Add(new("item", $"must be a lowercase slug of a-z, 0-9 and '-', at most {MaxSlugLength} characters, not '{item}'"));
        }
        else if (rule.Items is { } allowed && !allowed.Contains(item))
        {
            errors.Add(new("item", $"'{item}' is not a {DiaryVocabulary.Name(type)} item; use one of {string.Join(", ", allowed)}"));
        }

        if (rule.ValueMeaning.Length == 0)
        {
            if (value is not null)
            {
                errors.Add(new("value", $"must be empty for {DiaryVocabulary.Name(type)}"));
            }
        }
        else if (value is null)
        {
            if (!rule.ValueOptional)
            {
                errors.Add(new("value", $"is required for {DiaryVocabulary.Name(type)}: {rule.ValueMeaning}"));
            }
        }
        else if (value < rule.Min || value > rule.Max || (rule.WholeValue && value != decimal.Truncate(value.Value)))
        {
            errors.Add(new("value", $"must be {rule.ValueMeaning}, not {value}"));
        }

        switch (rule.Duration, durationMinutes)
        {
            case (Duration.Required, null):
                errors.Add(new("duration_minutes", $"is required for {DiaryVocabulary.Name(type)}"));
                break;
            case (Duration.None, not null):
                errors.Add(new("duration_minutes", $"must be empty for {DiaryVocabulary.Name(type)}"));
                break;
            case (_, < 0 or > MaxDurationMinutes):
                errors.Add(new("duration_minutes", $"must be whole minutes from 0 to {MaxDurationMinutes}, not {durationMinutes}"));
                break;
        }

        if (note is { Length: > MaxNoteLength })
        {
            errors.Add(new("note", $"is longer than {MaxNoteLength} characters"));
        }
        else if (StoredText.Problem(note) is { } problem)
        {
            errors.Add(new("note", problem));
        }
        return errors;
    }

    private enum Duration
    {
        None,
        Optional,
        Required,
    }

    private sealed record TypeRule(
        IReadOnlyList<string>? Items, decimal Min, decimal Max, bool WholeValue, bool ValueOptional, string ValueMeaning, Duration Duration);

    private static readonly Dictionary<EntryType, TypeRule> Rules = new()
    {
        [EntryType.Pain] = new(DiaryVocabulary.Regions, 0, 10, false, false, "pain from 0 to 10", Duration.None),
        [EntryType.Symptom] = new([.. DiaryVocabulary.Symptoms, .. DiaryVocabulary.RedFlagSymptoms], 0, 10, false, false, "intensity from 0 to 10", Duration.Optional),
        [EntryType.Activity] = new(null, 0, 10, false, true, "effort from 0 to 10, or empty", Duration.Required),
        [EntryType.Exercise] = new(null, 0, 10, false, false, "the highest pain during it, 0 to 10", Duration.Required),
        [EntryType.Flare] = new(DiaryVocabulary.Regions, 0, 10, false, false, "peak pain from 0 to 10", Duration.Optional),
        [EntryType.Sleep] = new(["night"], 0, 24, false, false, "hours slept, 0 to 24", Duration.None),
        [EntryType.Checkin] = new(DiaryVocabulary.CheckinAreas, 0, 4, true, false, "a whole number from 0 (no concern) to 4 (a big concern)", Duration.None),
        [EntryType.Relief] = new(DiaryVocabulary.Reliefs, -10, 10, false, false, "the change in pain afterwards, -10 to 10 (negative is better)", Duration.Optional),
        // No value meaning: the value must be empty.
        [EntryType.Checked] = new([DiaryVocabulary.CheckedRedFlags], 0, 0, true, true, "", Duration.None),
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}

/// <summary>One problem with one field of a diary row, named by its CSV column.</summary>
public sealed record FieldError(string Column, string Message)
{
    public override string ToString() => $"{Column} {Message}";
}

public sealed class DiaryEntryException(IReadOnlyList<FieldError> errors) : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
