using Microsoft.AspNetCore.StaticAssets;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Clinic;

/// <summary>
/// A clinician's account has no record of its own to keep: a person's page (Today, the diary, the plan...) would open
/// an empty one. So a clinician who reaches one, by an old link or by typing it, lands on the caseload, which says why.
/// The clinician's pages are listed rather than the person's, so a person's page added later is covered too.
/// </summary>
public static class ClinicianPages
{
    /// <summary>The caseload's <c>from</c> value that makes it say why the clinician is there.</summary>
    public const string FromPersonPage = "person-page";

    // First aid and lessons are open to everyone and hold no record; the APIs (ours and FHIR) keep their contract for
    // every account.
    private static readonly string[] Open =
        ["/clinic", "/account", "/lessons", "/first-aid", "/health", "/status", "/error", "/api", "/connect", "/fhir", "/.well-known"];

    // Where sign-in and the brand lead a signed-in account: a clinician goes on to the caseload without a word.
    private static readonly string[] Home = ["/", "/today"];

    public static IApplicationBuilder UseClinicianPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var elsewhere = context.User.IsInRole(Roles.Clinician)
            && !Open.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))
            && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null;
        if (!elsewhere)
        {
            await next(context);
            return;
        }
        var home = Home.Any(h => string.Equals(path.Value?.TrimEnd('/') is { Length: > 0 } p ? p : "/", h, StringComparison.OrdinalIgnoreCase));
        context.Response.Redirect(home ? "/clinic" : $"/clinic?from={FromPersonPage}");
    });
}
