namespace Nervewise.Domain.People;

/// <summary>An optional date of birth: not in the future, not before 1900 (the same floor as the diary's dates).</summary>
public static class BirthDate
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>Null when the date can be kept; otherwise why not.</summary>
    public static string? Problem(DateOnly date, DateOnly today) =>
        date < Earliest ? "must be in 1900 or later"
        : date > today ? "cannot be in the future"
        : null;
}
