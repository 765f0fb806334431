using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
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

    public static IApplicationBuilder UseOneTimePasswordGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var gated = context.User.HasClaim(AccountRules.MustChangePasswordClaim, "true")
            && !OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))
            // Stylesheets and scripts still load, so the change-password page looks right; every other path with a
            // dot in it (/plan/calendar.ics) is as private as the rest.
            && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null;
        if (!gated)
        {
            await next(context);
        }
        else if (path.StartsWithSegments("/api"))
        {
            await Results.Problem(
                title: "Choose your own password first",
                detail: "This account signed in with a one-time password. Change it at /account/change-password.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
        }
        else
        {
            context.Response.Redirect("/account/change-password?first=true");
        }
    });
}
