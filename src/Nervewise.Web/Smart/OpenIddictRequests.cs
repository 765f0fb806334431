using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;

namespace Nervewise.Web.Smart;

/// <summary>
/// OpenIddict's server and validation handlers see only the requests that can concern them: its endpoints, the
/// well-known documents and the FHIR API (whose bearer tokens the validation reads). ASP.NET Core's authentication
/// middleware would run them on every request, and their first run builds OpenIddict's options, which reads the
/// server keys from the database and loads the Data Protection key ring (ADR 0025).
/// </summary>
public static class OpenIddictRequests
{
    private static readonly string[] Schemes =
    [
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
        OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme,
    ];

    // The server's endpoints are under /connect (SmartServer) and its discovery documents under /.well-known.
    private static readonly PathString[] Paths = ["/connect", "/.well-known", "/fhir"];

    internal static IServiceCollection AddOpenIddictRequests(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, SchemesWithoutOpenIddict>());

    /// <summary>
    /// Just before <c>UseAuthentication</c>, which stays in the main pipeline: inside a branch it would not count as
    /// the app's, and WebApplication would add another in front of the forwarded headers and CORS.
    /// </summary>
    public static IApplicationBuilder UseOpenIddictRequests(this IApplicationBuilder app) =>
        app.UseWhen(context => IsFor(context.Request.Path), branch => branch.UseOpenIddictHandlers());

    /// <summary>
    /// OpenIddict's handlers on every request of this branch, as the authentication middleware would run them: the first
    /// that handles the request ends it. Its schemes can authenticate only after this has run on the request.
    /// </summary>
    public static IApplicationBuilder UseOpenIddictHandlers(this IApplicationBuilder app) => app.Use(HandleAsync);

    private static bool IsFor(PathString path) => Array.Exists(Paths, p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        foreach (var scheme in Schemes)
        {
            if (await handlers.GetHandlerAsync(context, scheme) is IAuthenticationRequestHandler handler && await handler.HandleRequestAsync())
            {
                return;
            }
        }
        await next(context);
    }

    /// <summary>The registered schemes, less OpenIddict's among those the authentication middleware runs on every request.</summary>
    private sealed class SchemesWithoutOpenIddict(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
    {
        private Filtered? _last;

        public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
        {
            var all = await base.GetRequestHandlerSchemesAsync();
            // The base class hands out the same copy until a scheme is added or removed.
            var last = _last;
            if (last is null || !ReferenceEquals(last.All, all))
            {
                _last = last = new Filtered(all, [.. all.Where(s => !Schemes.Contains(s.Name))]);
            }
            return last.Others;
        }

        private sealed record Filtered(IEnumerable<AuthenticationScheme> All, AuthenticationScheme[] Others);
    }
}
