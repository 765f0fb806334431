using Microsoft.AspNetCore.Identity;

namespace Nervewise.Data.Identity;

/// <summary>
/// What an email address must look like before it becomes an account: stricter than Identity's own check,
/// which lets `a@b` and markup through. The address ends up in mail headers, PDFs and pages.
/// </summary>
public sealed class EmailRule : IUserValidator<NervewiseUser>
{
    public const string InvalidCode = "InvalidEmail";
    public const string Message = "Enter an email address like name@example.com.";
    public const string TooLong = "That email address is too long.";

    // Characters that belong to markup, quoting or headers, never to an address people type. The apostrophe stays: O'Brien.
    private const string Refused = "<>\"`()[]\\,;:";

    /// <summary>The problem with <paramref name="email"/> in plain words, or null when it is fine.</summary>
    public static string? Check(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return Message;
        }
        if (email.Length > AccountRules.MaximumEmailLength)
        {
            return TooLong;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || at > 64)
        {
            return Message;
        }
        foreach (var c in email)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || Refused.Contains(c, StringComparison.Ordinal))
            {
                return Message;
            }
        }
        var domain = email[(at + 1)..];
        var labels = domain.Split('.');
        // A dot in the domain, no empty label, no label starting or ending with a hyphen.
        if (labels.Length < 2 || labels.Any(label => label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            || !labels.All(label => label.All(c => char.IsLetterOrDigit(c) || c == '-')))
        {
            return Message;
        }
        var local = email[..at];
        return local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal) ? Message : null;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<NervewiseUser> manager, NervewiseUser user) =>
        Task.FromResult(Check(user.Email) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = InvalidCode, Description = problem })
            : IdentityResult.Success);
}
