using Nervewise.Domain.Diary;

namespace Nervewise.Simulation;

/// <summary>
/// A hand-made diary like the one in issue 16: nine weeks, sitting on workdays (long on most), 20 flare rows of which
/// two are the same flare-up logged half an hour apart (19 flare-ups), two days with nothing logged, a weekly
/// check-in (enjoyment logged nine times, rated 2 or more twice) and cycling logged twice.
/// </summary>
public static class NineWeekDiary
{
    private static readonly DateTimeOffset Day0 = new(2026, 9, 7, 0, 0, 0, TimeSpan.FromHours(2));

    public static readonly int[] FlareDays = [1, 2, 3, 8, 9, 15, 16, 17, 22, 23, 29, 31, 36, 37, 43, 45, 50, 51, 57];

    private static DateTimeOffset At(int day, double hour) => Day0.AddDays(day).AddHours(hour);

    public static IReadOnlyList<DiaryEntry> Entries()
    {
        var entries = new List<DiaryEntry>();
        void Add(int day, double hour, EntryType type, string item, decimal? value, int? minutes) =>
            entries.Add(DiaryEntry.Create(At(day, hour), type, item, value, minutes, null));
        for (var day = 0; day <= 62; day++)
        {
            if (day is 30 or 44)
            {
                continue; // nothing logged at all
            }
            Add(day, 8, EntryType.Pain, "buttock", 2, null);
            if (day % 7 < 5)
            {
                Add(day, 9, EntryType.Activity, "sitting", null, 45);
                if (day % 5 != 4)
                {
                    Add(day, 13, EntryType.Activity, "sitting", null, 180);
                }
            }
            if (day % 7 == 6)
            {
                foreach (var area in new[] { "stress", "sleep", "enjoyment", "belonging" })
                {
                    Add(day, 20, EntryType.Checkin, area, area == "enjoyment" ? (day is 13 or 34 ? 3 : 1) : day % 3, null);
                }
            }
        }
        Add(10, 17, EntryType.Activity, "cycling", null, 40);
        Add(40, 17, EntryType.Activity, "cycling", null, 40);
        foreach (var day in FlareDays)
        {
            Add(day, 23, EntryType.Flare, "calf", 7, 60);
        }
        Add(9, 23.5, EntryType.Flare, "posterior-thigh", 7, 60); // the flare-up of day 9, logged twice
        return entries;
    }

    public static string Csv() => DiaryCsv.Write(Entries());
}
