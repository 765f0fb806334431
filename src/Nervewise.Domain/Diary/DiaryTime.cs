using System.Globalization;

namespace Nervewise.Domain.Diary;

/// <summary>Diary times: ISO 8601 local time with its UTC offset, kept as written.</summary>
public static class DiaryTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>Reads a time that carries its offset; a time without one is refused rather than guessed.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);

    public const string Expected = "must be an ISO 8601 time with its UTC offset, such as 2026-03-01T21:30:00+01:00";

    /// <summary>
    /// Diary times fall in the years 1900 to 2199, as written (local clock time). Outside that a time is a typo, and
    /// analyses that step day by day from the first entry to the last, or add a duration, would run for ever or
    /// past DateTimeOffset's last instant.
    /// </summary>
    public const string OutOfRange = "must be in the years 1900 to 2199";

    public static bool InRange(DateTimeOffset time) => time.Year is >= 1900 and < 2200;

    public static string Format(DateTimeOffset time) =>
        time.ToString(time.Millisecond == 0 && time.Ticks % TimeSpan.TicksPerSecond == 0
            ? "yyyy-MM-dd'T'HH:mm:sszzz"
            : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
