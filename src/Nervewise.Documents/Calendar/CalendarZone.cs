using System.Globalization;
using Nervewise.Documents.Time;
using NodaTime;

namespace Nervewise.Documents.Calendar;

/// <summary>
/// A VTIMEZONE (RFC 5545 3.6.5) for the span a calendar file covers, written from NodaTime's copy of the tz database:
/// the offset in force at the start and each change inside the span, each as its own STANDARD or DAYLIGHT part. No
/// repeating rules are guessed, so the file says exactly what the tz database says for those weeks.
/// </summary>
public static class CalendarZone
{
    public static IReadOnlyList<string> Lines(PersonZone zone, DateTimeOffset from, DateTimeOffset to)
    {
        var lines = new List<string> { "BEGIN:VTIMEZONE", "TZID:" + zone.Id };
        var intervals = zone.Zone.GetZoneIntervals(Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to)).ToList();
        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            // The first part starts where the interval began (or at 1970 when it always was so); the offset before it
            // is the previous interval's, which a reader needs to place the change itself.
            var before = interval.HasStart && zone.Zone.GetZoneInterval(interval.Start - Duration.Epsilon) is { } previous
                ? previous.WallOffset
                : interval.WallOffset;
            var starts = interval.HasStart && i > 0
                ? interval.Start.WithOffset(before).LocalDateTime
                : new LocalDateTime(1970, 1, 1, 0, 0);
            var part = interval.Savings != Offset.Zero ? "DAYLIGHT" : "STANDARD";
            lines.Add("BEGIN:" + part);
            lines.Add("DTSTART:" + starts.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            lines.Add("TZOFFSETFROM:" + OffsetText(i == 0 ? interval.WallOffset : before));
            lines.Add("TZOFFSETTO:" + OffsetText(interval.WallOffset));
            if (!string.IsNullOrEmpty(interval.Name))
            {
                lines.Add("TZNAME:" + interval.Name);
            }
            lines.Add("END:" + part);
        }
        lines.Add("END:VTIMEZONE");
        return lines;
    }

    /// <summary>"+1300", "-0500", "+0545": hours and minutes, sign always written.</summary>
    private static string OffsetText(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? "-" : "+";
        var minutes = Math.Abs(seconds) / 60;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes / 60:00}{minutes % 60:00}");
    }
}
