using Microsoft.AspNetCore.Identity;

namespace Nervewise.Data.Identity;

/// <summary>Password and lockout rules, shared by the web app and the CLI so both accept the same passwords.</summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 10;
    /// <summary>Long enough for any passphrase; bounds the work of hashing and of the strength check.</summary>
    public const int MaximumPasswordLength = 128;
    /// <summary>The longest address SMTP can carry (RFC 5321 path limit less the brackets).</summary>
    public const int MaximumEmailLength = 254;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long a password printed by `nervewise users add` may be used for the first sign-in.</summary>
    public static readonly TimeSpan OneTimePasswordLifetime = TimeSpan.FromHours(72);

    /// <summary>How long a password-reset link works (ADR 17). A used link stops working at once: the reset changes the security stamp.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);

    /// <summary>How long an email-confirmation link works (ADR 17). Signing in with the right password sends a fresh one.</summary>
    public static readonly TimeSpan ConfirmationLinkLifetime = TimeSpan.FromHours(24);

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
        // Registration never says whether an address has an account, so the address must be proven before use (ADR 17).
        options.SignIn.RequireConfirmedEmail = true;
    }

    /// <summary>The validators both doors use: the email rule and the password strength check.</summary>
    public static IdentityBuilder AddNervewiseRules(this IdentityBuilder builder) =>
        builder.AddUserValidator<EmailRule>().AddPasswordValidator<PasswordStrength>();
}
