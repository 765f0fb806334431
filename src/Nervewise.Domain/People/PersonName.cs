using Nervewise.Domain.Input;

namespace Nervewise.Domain.People;

/// <summary>
/// The name a person or clinician is shown by: what they typed, trimmed, one line, at most
/// <see cref="MaxLength"/> characters. The same limits serve a clinician's profession line.
/// </summary>
public static class PersonName
{
    public const int MaxLength = 100;

    /// <summary>The name tidied (trimmed, inner runs of spaces made one), or null with why it cannot be used.</summary>
    public static (string? Name, string? Problem) Read(string? text, bool required = true)
    {
        var tidy = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (tidy.Length == 0)
        {
            return required ? (null, "is required") : (null, null);
        }
        if (tidy.Length > MaxLength)
        {
            return (null, $"must be at most {MaxLength} characters");
        }
        if (StoredText.Problem(tidy) is { } problem)
        {
            return (null, problem);
        }
        return tidy.Any(char.IsControl) ? (null, "must be one line of plain text") : (tidy, null);
    }

    /// <summary>What to call an account on a page: its name, else the part of its email before the @.</summary>
    public static string Shown(string? name, string? email) =>
        !string.IsNullOrWhiteSpace(name) ? name : (email ?? "").Split('@')[0] is { Length: > 0 } local ? local : "(no name)";
}
