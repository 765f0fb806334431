using System.Globalization;

namespace Nervewise.Web.Diary;

/// <summary>
/// The person's wall clock for an entry: now, and a date and time on it turned into an instant (DST-safe when the
/// account has a zone; the device's offset when it has none yet).
/// </summary>
public sealed record LocalClock(DateTimeOffset Now, Func<DateOnly, TimeOnly, DateTimeOffset> At)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}

/// <summary>
/// When an entry happened, as the quick forms ask it: "now" (nothing to tap), "earlier today" or "yesterday" and a
/// part of the day (two taps), or an exact date and time. Sleep asks for a night instead: last night, the night
/// before, or the date the night began.
/// </summary>
public static class EntryWhen
{
    public const string Now = "now";
    public const string Today = "today";
    public const string Yesterday = "yesterday";
    public const string Pick = "pick";

    /// <summary>Parts of the day, each an "about" time: people logging later remember roughly, not to the minute.</summary>
    public static readonly IReadOnlyList<(string Value, string Label, TimeOnly Time)> Parts =
    [
        ("morning", "Morning", new(8, 0)),
        ("midday", "Midday", new(12, 0)),
        ("afternoon", "Afternoon", new(15, 0)),
        ("evening", "Evening", new(19, 0)),
        ("night", "Night", new(22, 0)),
    ];

    /// <summary>The hour a night's sleep is filed at, on the evening it began, so the diary lists it on that evening.</summary>
    public static readonly TimeOnly Bedtime = new(22, 0);

    /// <summary>The parts of today that have begun by now: "earlier today" offers only those.</summary>
    public static IReadOnlyList<(string Value, string Label, TimeOnly Time)> PartsBegun(LocalClock clock) =>
        [.. Parts.Where(p => p.Time <= TimeOnly.FromDateTime(clock.Now.DateTime))];

    public const string PickFormat = "yyyy-MM-dd'T'HH:mm";
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The time an entry is stored at, or a sentence saying what is missing. "now" gives null time and no problem:
    /// the page uses its own "now" (an activity that has just finished began its minutes ago).
    /// </summary>
    public static (DateTimeOffset? Time, string? Problem) Resolve(string? when, string? part, string? pick, LocalClock clock)
    {
        switch (when)
        {
            case null or "" or Now:
                return (null, null);
            case Today or Yesterday:
                if (Parts.FirstOrDefault(p => p.Value == part) is not { Value: not null } chosen)
                {
                    return (null, $"When: choose a part of the day for {(when == Today ? "earlier today" : "yesterday")}.");
                }
                var date = when == Today ? clock.Today : clock.Today.AddDays(-1);
                var time = clock.At(date, chosen.Time);
                return time > clock.Now
                    ? (null, $"When: the {chosen.Label.ToLowerInvariant()} has not come yet today; choose an earlier part of the day or pick a time.")
                    : (time, null);
            case Pick:
                if (!DateTime.TryParseExact(pick, PickFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    return (null, "When: enter the date and the time.");
                }
                if (local.Year is < 1900 or >= 2200)
                {
                    return (null, "When: the date must be in the years 1900 to 2199.");
                }
                var picked = clock.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
                // A few minutes of slack: the phone's clock and the server's rarely agree to the second.
                return picked > clock.Now.AddMinutes(5)
                    ? (null, "When: that time has not come yet; pick a time that has passed.")
                    : (picked, null);
            default:
                return (null, "When: choose now, earlier today, yesterday or pick a time.");
        }
    }

    /// <summary>
    /// The night a sleep entry belongs to, filed at bedtime on the evening it began. "Last night" is always the night
    /// that began the evening before today's date, so a night logged just after midnight is the night just gone.
    /// </summary>
    public static (DateTimeOffset? Time, string? Problem) Night(string? when, string? pick, LocalClock clock)
    {
        DateOnly evening;
        switch (when)
        {
            case null or "" or Now:
                evening = clock.Today.AddDays(-1);
                break;
            case Yesterday:
                evening = clock.Today.AddDays(-2);
                break;
            case Pick:
                if (!DateOnly.TryParseExact(pick, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out evening))
                {
                    return (null, "Night: enter the date the night began.");
                }
                if (evening.Year is < 1900 or >= 2200)
                {
                    return (null, "Night: the date must be in the years 1900 to 2199.");
                }
                if (evening >= clock.Today)
                {
                    return (null, "Night: that night has not ended yet; choose the evening it began, yesterday or earlier.");
                }
                break;
            default:
                return (null, "Night: choose last night, the night before, or pick a date.");
        }
        return (clock.At(evening, Bedtime), null);
    }
}

/// <summary>What the shared "when" partial shows: the choices, what is chosen, and the parts of the day on offer.</summary>
public sealed record WhenModel(
    bool Night,
    string Selected,
    string? Part,
    string? Pick,
    IReadOnlyList<(string Value, string Label, TimeOnly Time)> PartsToday,
    string Today,
    string? Hint = null);
