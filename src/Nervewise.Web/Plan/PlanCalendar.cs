using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Plan;

/// <summary>
/// The week's sessions as an iCalendar file (RFC 5545) that ordinary calendar apps import: one event a day with
/// sessions, at the chosen time of day in the phone's own time zone ("floating" local times), with the exercises
/// and doses in its notes, which name the pathway and its step. Each event's UID is stable, so importing the week again updates it instead of doubling it.
/// </summary>
public static class PlanCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public static readonly TimeOnly DefaultTime = new(18, 0);

    public static string Write(WeekPlan week, string ownerId, TimeOnly at, DateTimeOffset stamp)
    {
        var rules = RehabRules.Current;
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Nervewise//Rehab plan//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Text("Nervewise rehab plan"),
        };
        foreach (var day in week.Days.Where(d => d.Sessions.Count > 0))
        {
            var minutes = day.Sessions.Sum(s => s.Dose.Minutes);
            var names = string.Join(", ", day.Sessions.Select(s => s.Exercise.Name.ToLowerInvariant()));
            var notes = new StringBuilder();
            var stage = rules.For(week.Pathway, week.Stage);
            var step = RehabNames.Rank(week.Pathway, week.Stage) + 1;
            notes.Append(CultureInfo.InvariantCulture,
                $"{rules.For(week.Pathway).Name} plan, step {step} of {RehabNames.StagesOf(week.Pathway).Count}: {stage.Name}. {stage.Aim}\n");
            foreach (var session in day.Sessions)
            {
                notes.Append(CultureInfo.InvariantCulture, $"\n{session.Exercise.Name} ({session.Dose.Describe()}): {session.Exercise.Summary}");
            }
            notes.Append("\n\nLog the highest pain during each exercise in Nervewise, and your pain the next morning.");
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                $"UID:{Uid(ownerId, day.Date)}",
                $"DTSTAMP:{stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
                $"DTSTART:{day.Date.ToDateTime(at).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}",
                string.Create(CultureInfo.InvariantCulture, $"DURATION:PT{minutes}M"),
                "SUMMARY:" + Text($"Rehab: {names}"),
                "DESCRIPTION:" + Text(notes.ToString()),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]);
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
