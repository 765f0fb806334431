using System.Globalization;
using System.Text.RegularExpressions;

namespace Nervewise.Web.Fhir;

/// <summary>
/// FHIR dates as ranges: "2026" is the whole year, "2026-11-20" the whole day, a time to the second that second.
/// Search prefixes compare ranges as the FHIR search page describes (eq: within; ge/le: reaches; gt/lt: beyond).
/// </summary>
public static partial class FhirDates
{
    public readonly record struct Range(DateTimeOffset Start, DateTimeOffset End);

    public static readonly string[] Prefixes = ["eq", "ge", "le", "gt", "lt"];

    /// <summary>A date, date-time or instant (a missing zone means UTC); null when it is not one.</summary>
    public static Range? Parse(string value)
    {
        var match = Pattern().Match(value);
        if (!match.Success)
        {
            return null;
        }
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        int Part(string name, int fallback) =>
            match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        try
        {
            var offset = Offset(match.Groups["z"].Value);
            if (!match.Groups["m"].Success)
            {
                var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, offset);
                return new Range(start, start.AddYears(1));
            }
            if (!match.Groups["d"].Success)
            {
                var start = new DateTimeOffset(year, Part("m", 1), 1, 0, 0, 0, offset);
                return new Range(start, start.AddMonths(1));
            }
            if (!match.Groups["h"].Success)
            {
                var start = new DateTimeOffset(year, Part("m", 1), Part("d", 1), 0, 0, 0, offset);
                return new Range(start, start.AddDays(1));
            }
            var at = new DateTimeOffset(year, Part("m", 1), Part("d", 1), Part("h", 0), Part("n", 0), Part("s", 0), offset);
            return match.Groups["s"].Success ? new Range(at, at.AddSeconds(1)) : new Range(at, at.AddMinutes(1));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Whether a resource's range matches a search value's range under a prefix.</summary>
    public static bool Matches(string prefix, Range target, Range search) => prefix switch
    {
        "eq" => target.Start >= search.Start && target.End <= search.End,
        "ge" => target.End > search.Start,
        "le" => target.Start < search.End,
        "gt" => target.End > search.End,
        "lt" => target.Start < search.Start,
        _ => false,
    };

    private static TimeSpan Offset(string zone) => zone switch
    {
        "" or "Z" => TimeSpan.Zero,
        _ => TimeSpan.FromMinutes((zone[0] == '-' ? -1 : 1) *
            ((int.Parse(zone[1..3], CultureInfo.InvariantCulture) * 60) + int.Parse(zone[4..6], CultureInfo.InvariantCulture))),
    };

    [GeneratedRegex(@"^(?<y>\d{4})(-(?<m>\d{2})(-(?<d>\d{2})(T(?<h>\d{2}):(?<n>\d{2})(:(?<s>\d{2})(\.\d{1,9})?)?(?<z>Z|[+-]\d{2}:\d{2})?)?)?)?$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
