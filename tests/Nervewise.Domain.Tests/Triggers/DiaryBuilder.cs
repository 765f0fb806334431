using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Tests.Triggers;

/// <summary>Small hand-made diaries: day numbers from 1 March 2026 at +01:00, hours as local clock times.</summary>
internal sealed class DiaryBuilder
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1));
    private readonly List<DiaryEntry> _entries = [];

    public static DateTimeOffset At(int day, double hour) => Day0.AddDays(day).AddHours(hour);

    public IReadOnlyList<DiaryEntry> Entries => _entries;

    /// <summary>A pain check at 08:00 on each day, so every day counts as logged.</summary>
    public DiaryBuilder Logged(int fromDay, int toDay, params int[] except)
    {
        for (var day = fromDay; day <= toDay; day++)
        {
            if (!except.Contains(day))
            {
                _entries.Add(DiaryEntry.Create(At(day, 8), EntryType.Pain, "buttock", 2, null, null));
            }
        }
        return this;
    }

    public DiaryBuilder Activity(int day, double startHour, int minutes, string item = "sitting")
    {
        _entries.Add(DiaryEntry.Create(At(day, startHour), EntryType.Activity, item, null, minutes, null));
        return this;
    }

    public DiaryBuilder Checkin(int day, double hour, string area, int value)
    {
        _entries.Add(DiaryEntry.Create(At(day, hour), EntryType.Checkin, area, value, null, null));
        return this;
    }

    public DiaryBuilder Flare(int day, double hour)
    {
        _entries.Add(DiaryEntry.Create(At(day, hour), EntryType.Flare, "calf", 7, 60, null));
        return this;
    }
}
