namespace Nervewise.Web.Smart;

/// <summary>
/// A SMART app may run in a browser on another site: the token, revocation and FHIR endpoints and the well-known
/// documents answer any origin. No cookies cross: these take bearer tokens or nothing.
/// </summary>
public static class SmartCors
{
    private const string Policy = "smart";

    private static readonly string[] Paths = [SmartServer.TokenPath, SmartServer.RevokePath, SmartServer.UserInfoPath, "/fhir", "/.well-known"];

    internal static IServiceCollection AddSmartCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(Policy, policy => policy
            .AllowAnyOrigin()
            .AllowAnyHeader()
            .WithMethods("GET", "POST", "DELETE")
            .WithExposedHeaders("Content-Location", "Location", "WWW-Authenticate", "X-Progress", "Retry-After")));

    /// <summary>Before authentication, so that the token endpoint (handled inside it) answers with CORS headers too.</summary>
    public static IApplicationBuilder UseSmartCors(this IApplicationBuilder app) =>
        app.UseWhen(context => Paths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)),
            branch => branch.UseCors(Policy));
}
