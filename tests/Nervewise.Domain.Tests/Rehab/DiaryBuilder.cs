using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Tests.Rehab;

/// <summary>Diaries for rule tests, by day number from Monday 2 March 2026 (UTC+1) and hour.</summary>
internal sealed class DiaryBuilder
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(1);
    private readonly List<DiaryEntry> _entries = [];

    public static DateTimeOffset At(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 3, 2, 0, 0, 0, Offset).AddDays(day).AddHours(hour).AddMinutes(minute);

    public DiaryBuilder Pain(int day, int hour, decimal value, string region = "posterior-thigh") =>
        Add(DiaryEntry.Create(At(day, hour), EntryType.Pain, region, value, null, null));

    /// <summary>A pain reading at 08:00 on each day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public DiaryBuilder Mornings(int from, int to, decimal value)
    {
        for (var day = from; day <= to; day++)
        {
            Pain(day, 8, value);
        }
        return this;
    }

    public DiaryBuilder Session(int day, int hour, string item, decimal painDuring, int minutes = 5, int minute = 0) =>
        Add(DiaryEntry.Create(At(day, hour, minute), EntryType.Exercise, item, painDuring, minutes, null));

    /// <summary>One session of the exercise at 18:00 each day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public DiaryBuilder Sessions(int from, int to, string item, decimal painDuring, int minutes = 5)
    {
        for (var day = from; day <= to; day++)
        {
            Session(day, 18, item, painDuring, minutes);
        }
        return this;
    }

    public DiaryBuilder Flare(int day, int hour, decimal value = 7, string region = "calf") =>
        Add(DiaryEntry.Create(At(day, hour), EntryType.Flare, region, value, 60, null));

    /// <summary>A professional has checked the warning signs logged up to this time.</summary>
    public DiaryBuilder Checked(int day, int hour) =>
        Add(DiaryEntry.Create(At(day, hour), EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null, null));

    public DiaryBuilder Symptom(int day, int hour, string item, decimal value = 5) =>
        Add(DiaryEntry.Create(At(day, hour), EntryType.Symptom, item, value, null, null));

    /// <summary>A nerve symptom or red flag with a note, e.g. where the pins and needles reached.</summary>
    public DiaryBuilder Symptom(int day, int hour, string item, decimal value, string note) =>
        Add(DiaryEntry.Create(At(day, hour), EntryType.Symptom, item, value, null, note));

    public DiaryBuilder Activity(int day, int hour, string item, int minutes, decimal? effort = null) =>
        Add(DiaryEntry.Create(At(day, hour), EntryType.Activity, item, effort, minutes, null));

    /// <summary>A check-in area rated 0 (no concern) to 4 (a big concern).</summary>
    public DiaryBuilder Checkin(int day, int hour, string area, decimal value) =>
        Add(DiaryEntry.Create(At(day, hour), EntryType.Checkin, area, value, null, null));

    /// <summary>Last night's sleep, logged in the morning of <paramref name="day"/>.</summary>
    public DiaryBuilder Sleep(int day, decimal hours) =>
        Add(DiaryEntry.Create(At(day, 7), EntryType.Sleep, "night", hours, null, null));

    public IReadOnlyList<DiaryEntry> Build() => [.. _entries];

    private DiaryBuilder Add(DiaryEntry entry)
    {
        _entries.Add(entry);
        return this;
    }
}
