namespace Nervewise.Domain.Diary;

/// <summary>
/// Hours slept as a person logs them: half hours from 0 to 14. Stored rows (CSV, API) keep the wider range the diary
/// contract has always taken, so an old export still imports; new entries from the forms use these steps.
/// </summary>
public static class SleepHours
{
    public const decimal Max = 14;
    public const decimal Step = 0.5m;

    /// <summary>0, 0.5, 1 ... 14.</summary>
    public static readonly IReadOnlyList<decimal> Choices = [.. Enumerable.Range(0, (int)(Max / Step) + 1).Select(i => i * Step)];

    public static bool IsChoice(decimal hours) => hours is >= 0 and <= Max && hours % Step == 0;

    /// <summary>"7½ h", "½ h", "0 h": hours slept in words.</summary>
    public static string Label(decimal hours) => Short(hours) + " h";

    /// <summary>"7½", "½", "0": a button's text under a legend that says "hours".</summary>
    public static string Short(decimal hours) =>
        (Math.Floor(hours), hours % 1) switch
        {
            (0, 0.5m) => "½",
            (var whole, 0.5m) => $"{whole:0}½",
            _ => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        };
}
