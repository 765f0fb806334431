using Microsoft.AspNetCore.Identity;

namespace Nervewise.Data.Identity;

/// <summary>Password and lockout rules, shared by the web app and the CLI so both accept the same passwords.</summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 10;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long a password printed by `nervewise users add` may be used for the first sign-in.</summary>
    public static readonly TimeSpan OneTimePasswordLifetime = TimeSpan.FromHours(72);

    /// <summary>The claim a session carries until its owner has replaced a one-time password.</summary>
    public const string MustChangePasswordClaim = "nervewise:must-change-password";

    public static void Apply(IdentityOptions options)
    {
        // Length protects better than character-class rules, and is kinder to people typing on a phone (NIST SP 800-63B).
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;

        options.User.RequireUniqueEmail = true;
        // The user name is the email, already checked as an email; Identity's default list refuses o'brien@… and the like.
        options.User.AllowedUserNameCharacters = "";
        options.SignIn.RequireConfirmedAccount = false;
    }
}
