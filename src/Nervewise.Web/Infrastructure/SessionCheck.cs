using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;
using Nervewise.Data;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// Ends a session the moment its account signs out, changes its password or is deleted: every signed-in
/// request compares the cookie's security stamp with the stored one (one primary-key read, no cookie renewal).
/// Identity's own validator still runs after it, every five minutes, to bring roles and claims up to date.
/// </summary>
internal static class SessionCheck
{
    private static readonly object FailureKey = new();

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        if (context.Principal is not { } principal || http.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return; // a stylesheet or script never reads the person
        }

        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = principal.FindFirst(claims.SecurityStampClaimType)?.Value;
        (bool Found, string? Stamp) row;
        try
        {
            // Opens the request's connection and leaves it open with the request's context for the page, the layout and
            // the API (the context closes it when it goes back to its pool): one connection a request (ADR 24).
            row = id is null ? default : await StampRead.ReadAsync(http.RequestServices.GetRequiredService<NervewiseDbContext>(), id, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The handler keeps its result for the whole request, also when the error page is shown after the failure:
            // fail the request after authentication (ThrowSessionCheckFailure), and let that page see nobody signed in.
            http.Items[FailureKey] = ExceptionDispatchInfo.Capture(e);
            context.RejectPrincipal();
            return;
        }
        if (!row.Found || row.Stamp != stamp)
        {
            // Gone, signed out elsewhere, or a new password: this cookie is no longer a session. The answer does not
            // delete it: the same browser may already hold a newer cookie (a page that renewed the session while this
            // request was in flight), and deleting would delete that one. A stale cookie opens nothing, ever.
            context.RejectPrincipal();
            return;
        }

        // Identity's validator does nothing until its interval has passed, but making it builds the sign-in manager,
        // the user manager and their stores for the request: ask it only when it has something to do.
        if (IdentityCheckDue(context))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    /// <summary>The validator's own test: no issue time, or more than the interval since the cookie was issued.</summary>
    private static bool IdentityCheckDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issued = context.Properties.IssuedUtc;
        return issued is null || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued.Value > options.ValidationInterval;
    }

    /// <summary>Right after authentication: a check that could not reach the database fails the request, once.</summary>
    public static IApplicationBuilder ThrowSessionCheckFailure(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Items.Remove(FailureKey, out var failure))
        {
            ((ExceptionDispatchInfo)failure!).Throw();
        }
        return next(context);
    });
}
