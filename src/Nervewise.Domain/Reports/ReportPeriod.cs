namespace Nervewise.Domain.Reports;

/// <summary>
/// The dates a summary covers, both included, as the reader chose them; by default the twelve weeks up to today.
/// </summary>
public readonly record struct ReportPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultWeeks = 12;

    /// <summary>A year at most: the PDF promises two pages for twelve weeks, and a year still reads as weeks.</summary>
    public const int MaxDays = 366;

    /// <summary>The twelve weeks up to today, starting on a Monday so that every week in the table is whole.</summary>
    public static ReportPeriod Default(DateOnly today) =>
        new(Rehab.WeeklyPlan.MondayOf(today).AddDays(-7 * (DefaultWeeks - 1)), today);

    /// <summary>
    /// The period the reader typed, or the problem with it naming the field ("from", "to"). Either date may be left
    /// out: a missing start counts twelve weeks back from the end, a missing end is today.
    /// </summary>
    public static (ReportPeriod? Period, string? Field, string? Problem) Read(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        if (end > today)
        {
            return (null, "to", "The end date is in the future. Choose today or an earlier day.");
        }
        var start = from ?? Default(end).From;
        if (start > end)
        {
            return (null, "from", "The start date is after the end date. Choose an earlier start.");
        }
        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            return (null, "from", "The summary covers a year at most. Choose a later start date.");
        }
        return (new ReportPeriod(start, end), null, null);
    }

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Holds(DateOnly date) => date >= From && date <= To;
}
