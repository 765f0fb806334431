using System.Globalization;
using Nervewise.Domain.People;

namespace Nervewise.Web.Account;

/// <summary>
/// Reads the name, date of birth and profession fields the same way for the registration form, the account page and
/// the API, so each refuses bad input with the same words, naming the field.
/// </summary>
public static class NameFields
{
    public const string NameLabel = "Your name";
    public const string BirthLabel = "Date of birth";
    public const string ProfessionLabel = "Profession and clinic";

    /// <summary>The tidy name, or null with a sentence naming the field.</summary>
    public static (string? Name, string? Problem) Name(string? text)
    {
        var (name, problem) = PersonName.Read(text, required: true);
        return problem is null ? (name, null) : (null, $"{NameLabel} {problem}.");
    }

    /// <summary>An optional profession line ("Physiotherapist, Leeds Sports Clinic"); empty means none.</summary>
    public static (string? Profession, string? Problem) Profession(string? text)
    {
        var (line, problem) = PersonName.Read(text, required: false);
        return problem is null ? (line, null) : (null, $"{ProfessionLabel} {problem}.");
    }

    /// <summary>An optional date of birth as a date input sends it (yyyy-MM-dd); empty means none.</summary>
    public static (DateOnly? Date, string? Problem) BirthDate(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, $"{BirthLabel} must be a date such as 1984-03-21 (year, month, day).");
        }
        return Domain.People.BirthDate.Problem(date, today) is { } problem ? (null, $"{BirthLabel} {problem}.") : (date, null);
    }

    /// <summary>How a date input shows a stored date.</summary>
    public static string Input(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
