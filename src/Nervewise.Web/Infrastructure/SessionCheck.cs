using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nervewise.Data;

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
        string? stored;
        bool found;
        try
        {
            var row = id is null ? null : await http.RequestServices.GetRequiredService<NervewiseDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp })
                .FirstOrDefaultAsync(http.RequestAborted);
            (found, stored) = (row is not null, row?.SecurityStamp);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The handler keeps its result for the whole request, also when the error page is shown after the failure:
            // fail the request after authentication (ThrowSessionCheckFailure), and let that page see nobody signed in.
            http.Items[FailureKey] = ExceptionDispatchInfo.Capture(e);
            context.RejectPrincipal();
            return;
        }
        if (!found || stored != stamp)
        {
            // Gone, signed out elsewhere, or a new password: this cookie is no longer a session.
            context.RejectPrincipal();
            await http.SignOutAsync(context.Scheme.Name);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
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
