using Microsoft.AspNetCore.Identity;

namespace Nervewise.Data.Identity;

/// <summary>
/// Refuses passwords a guesser would try early (zxcvbn: common words, keyboard runs, dates, the email itself),
/// and passwords over the maximum length. Identity's own validator checks the minimum length.
/// </summary>
public sealed class PasswordStrength : IPasswordValidator<NervewiseUser>
{
    public const string TooLongCode = "PasswordTooLong";
    public const string IsEmailCode = "PasswordIsEmail";
    public const string TooWeakCode = "PasswordTooWeak";

    /// <summary>zxcvbn's 3: about 10^8 guesses or more, beyond an online attack and slow to crack offline.</summary>
    public const int MinimumScore = 3;

    public static readonly string TooLong = $"Use at most {AccountRules.MaximumPasswordLength} characters.";
    public const string IsEmail = "Your password cannot be your email address. Choose something only you know.";
    public const string TooWeak =
        "That password would be easy to guess. Try three or four words that do not usually go together, like a short odd phrase.";

    public Task<IdentityResult> ValidateAsync(UserManager<NervewiseUser> manager, NervewiseUser user, string? password) =>
        Task.FromResult(Check(password, user.Email) is { } error ? IdentityResult.Failed(error) : IdentityResult.Success);

    /// <summary>The first problem with <paramref name="password"/>, or null; too short is left to Identity's validator.</summary>
    public static IdentityError? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < AccountRules.MinimumPasswordLength)
        {
            return null;
        }
        if (password.Length > AccountRules.MaximumPasswordLength)
        {
            return new IdentityError { Code = TooLongCode, Description = TooLong };
        }
        var inputs = UserInputs(email);
        if (inputs.Any(input => input.Length >= 4 && password.Trim().Equals(input, StringComparison.OrdinalIgnoreCase)))
        {
            return new IdentityError { Code = IsEmailCode, Description = IsEmail };
        }
        return Zxcvbn.Zxcvbn.MatchPassword(password, inputs).Score < MinimumScore
            ? new IdentityError { Code = TooWeakCode, Description = TooWeak }
            : null;
    }

    // The email and its local part, as zxcvbn "user inputs": a password built on them is cheap to guess for anyone who knows the address.
    private static string[] UserInputs(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return [];
        }
        var address = email.Trim().ToLowerInvariant();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? [address, address[..at]] : [address];
    }
}
