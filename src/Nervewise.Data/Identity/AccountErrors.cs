using Microsoft.AspNetCore.Identity;

namespace Nervewise.Data.Identity;

/// <summary>Identity's wording names user names and rules; ours speaks of emails and says what to do.</summary>
public static class AccountErrors
{
    public static bool IsAboutPassword(IdentityError error) => error.Code.StartsWith("Password", StringComparison.Ordinal);

    public static string Friendly(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => $"Use at least {AccountRules.MinimumPasswordLength} characters.",
        "PasswordRequiresUniqueChars" => "Use a few more different characters.",
        "InvalidEmail" or "InvalidUserName" => EmailRule.Message,
        _ => error.Description,
    };
}
