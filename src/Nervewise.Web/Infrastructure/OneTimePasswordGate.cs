using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Infrastructure;

/// <summary>Marks the sign-in of an account that still has its one-time password.</summary>
internal sealed class NervewiseClaimsFactory(
    UserManager<NervewiseUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NervewiseUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NervewiseUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccountRules.MustChangePasswordClaim, "true"));
        }
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorGate.EnrolledClaim, "true"));
        }
        if (user.TimeZone is { } zone)
        {
            identity.AddClaim(new Claim(ReaderZone.Claim, zone));
        }
        return identity;
    }
}

/// <summary>
/// Until a one-time password is replaced, the session can only change the password or sign out:
/// pages redirect there, the API answers 403.
/// </summary>
internal static class OneTimePasswordGate
{
    // First aid stays open to everyone: it is help in a bad moment, not health data.
    private static readonly string[] OpenPaths = ["/account/change-password", "/account/sign-out", "/health", "/status", "/first-aid"];

    public static IApplicationBuilder UseOneTimePasswordGate(this IApplicationBuilder app) => app.UseSessionGate(
        user => user.HasClaim(AccountRules.MustChangePasswordClaim, "true"),
        OpenPaths,
        title: "Choose your own password first",
        detail: "This account signed in with a one-time password. Change it at /account/change-password.",
        redirectTo: "/account/change-password?first=true");
}
