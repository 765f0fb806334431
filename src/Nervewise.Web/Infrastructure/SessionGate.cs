using System.Security.Claims;
using Microsoft.AspNetCore.StaticAssets;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// What the account gates share: while a session owes a step (a new password, two-step sign-in), only a few paths and
/// the site's own files open; pages redirect to the step, the API answers 403 with what to do.
/// </summary>
internal static class SessionGate
{
    public static IApplicationBuilder UseSessionGate(this IApplicationBuilder app, Func<ClaimsPrincipal, bool> owesStep,
        string[] openPaths, string title, string detail, string redirectTo) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var gated = owesStep(context.User)
            && !openPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))
            // The site's own files (styles, scripts, icons) by their endpoint, not by a dot in the path, so that a
            // page such as /plan/calendar.ics stays as private as the rest.
            && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null;
        if (!gated)
        {
            await next(context);
        }
        else if (path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
        }
        else
        {
            context.Response.Redirect(redirectTo);
        }
    });
}
