using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nervewise.Domain.Rehab;
using Nervewise.Documents.Time;

namespace Nervewise.Documents.Calendar;

/// <summary>
/// The plan's sessions for the next four weeks as an iCalendar file (RFC 5545) that ordinary calendar apps import: one
/// event a day with sessions, from today on (never a day or time already past), at the chosen time of day in the
/// person's own zone (TZID with its VTIMEZONE, so every calendar puts it at the same hour, across clock changes too),
/// with the exercises and doses in its notes, and the reminder the person chose (or none). Each event's UID is
/// stable, so importing again updates the days instead of doubling them. An account with no zone yet gets "floating"
/// local times, which calendar apps read in the phone's own zone.
/// </summary>
public static class PlanCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public static readonly TimeOnly DefaultTime = new(18, 0);

    /// <summary>How many days ahead the file covers, today included.</summary>
    public const int Days = 28;

    /// <summary>The reminders a person may choose, as the form offers them; null minutes is "no reminder".</summary>
    public static readonly IReadOnlyList<(string Value, int? Minutes, string Words)> Reminders =
    [
        ("off", null, "No reminder"),
        ("0", 0, "At the time"),
        ("10", 10, "10 minutes before"),
        ("30", 30, "30 minutes before"),
        ("60", 60, "1 hour before"),
    ];

    public const string DefaultReminder = "30";

    /// <summary>The reminder's minutes for a form value; false for anything not offered.</summary>
    public static bool TryReminder(string? value, out int? minutes)
    {
        foreach (var (known, mins, _) in Reminders)
        {
            if (known == value)
            {
                minutes = mins;
                return true;
            }
        }
        minutes = null;
        return false;
    }

    /// <summary>
    /// The file. <paramref name="days"/> are the planned days (any order, any span); only those from the person's
    /// today for <see cref="Days"/> days whose session time is still ahead are written. <paramref name="now"/> carries
    /// the person's offset (their zone's, or their latest entry's when they have no zone).
    /// </summary>
    public static string Write(WeekPlan plan, IEnumerable<PlanDay> days, string ownerId, TimeOnly at, int? remindMinutes, PersonZone? zone, DateTimeOffset now)
    {
        var rules = RehabRules.Current;
        var today = DateOnly.FromDateTime(now.DateTime);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Nervewise//Rehab plan//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Text("Nervewise rehab plan"),
        };
        if (zone is not null)
        {
            lines.Add("X-WR-TIMEZONE:" + zone.Id);
            lines.AddRange(CalendarZone.Lines(zone, zone.StartOf(today).AddDays(-1), zone.StartOf(today.AddDays(Days + 1))));
        }
        var stage = rules.For(plan.Pathway, plan.Stage);
        var step = RehabNames.Rank(plan.Pathway, plan.Stage) + 1;
        var ahead = days.Where(d => d.Sessions.Count > 0 && d.Date >= today && d.Date < today.AddDays(Days))
            // Today's session only while its time is still to come, on the person's own clock.
            .Where(d => (zone?.At(d.Date, at) ?? new DateTimeOffset(d.Date.ToDateTime(at), now.Offset)) > now)
            .DistinctBy(d => d.Date).OrderBy(d => d.Date);
        foreach (var day in ahead)
        {
            var minutes = day.Sessions.Sum(s => s.Dose.Minutes);
            var names = string.Join(", ", day.Sessions.Select(s => s.Exercise.Name.ToLowerInvariant()));
            var notes = new StringBuilder();
            notes.Append(CultureInfo.InvariantCulture,
                $"{rules.For(plan.Pathway).Name} plan, step {step} of {RehabNames.StagesOf(plan.Pathway).Count}: {stage.Name}. {stage.Aim}\n");
            foreach (var session in day.Sessions)
            {
                notes.Append(CultureInfo.InvariantCulture, $"\n{session.Exercise.Name} ({session.Dose.Describe()}): {session.Exercise.Summary}");
            }
            notes.Append("\n\nLog the highest pain during each exercise in Nervewise, and your pain the next morning.");
            var start = day.Date.ToDateTime(at).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                $"UID:{Uid(ownerId, day.Date)}",
                $"DTSTAMP:{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
                zone is null ? $"DTSTART:{start}" : $"DTSTART;TZID={zone.Id}:{start}",
                string.Create(CultureInfo.InvariantCulture, $"DURATION:PT{minutes}M"),
                "SUMMARY:" + Text($"Rehab: {names}"),
                "DESCRIPTION:" + Text(notes.ToString()),
                "TRANSP:TRANSPARENT",
            ]);
            if (remindMinutes is { } before)
            {
                lines.AddRange(
                [
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    "DESCRIPTION:" + Text($"Rehab: {names}"),
                    string.Create(CultureInfo.InvariantCulture, $"TRIGGER:-PT{before}M"),
                    "END:VALARM",
                ]);
            }
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var file = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, file);
        }
        return file.ToString();
    }

    /// <summary>Reads "18:30"; null for anything else.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>Stable per person and day, without revealing the person's id.</summary>
    private static string Uid(string ownerId, DateOnly date)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"nervewise-plan\n{ownerId}\n{date:yyyy-MM-dd}"));
        return $"{date:yyyyMMdd}-{Convert.ToHexStringLower(hash.AsSpan(0, 10))}@nervewise";
    }

    /// <summary>TEXT values escape backslash, semicolon, comma and line ends (RFC 5545 3.3.11).</summary>
    private static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.</summary>
    private static void Fold(string line, StringBuilder file)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                file.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            file.Append(rune.ToString());
            octets += size;
        }
        file.Append("\r\n");
    }
}
