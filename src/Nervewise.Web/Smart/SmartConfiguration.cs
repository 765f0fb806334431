using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Smart;

/// <summary>The SMART configuration document (App Launch 2.0) and the OpenID userinfo endpoint.</summary>
public static class SmartConfiguration
{
    public static readonly string[] Capabilities =
    [
        "launch-standalone", "client-public", "client-confidential-symmetric", "context-standalone-patient",
        "permission-v2", "permission-v1", "permission-patient", "permission-user", "permission-offline",
        "sso-openid-connect",
    ];

    private static readonly string[] UserInfoMethods = ["GET", "POST"];
    private static readonly string[] AuthMethods = ["client_secret_basic", "client_secret_post"];
    private static readonly string[] GrantTypesSupported = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];
    private static readonly string[] ResponseTypesSupported = [ResponseTypes.Code];
    private static readonly string[] ChallengeMethods = [CodeChallengeMethods.Sha256];

    public static IEndpointRouteBuilder MapSmart(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/smart-configuration", Document).AllowAnonymous();
        app.MapGet("/fhir/.well-known/smart-configuration", Document).AllowAnonymous();
        app.MapMethods(SmartServer.UserInfoPath, UserInfoMethods, (Func<HttpContext, Task<IResult>>)UserInfoAsync).AllowAnonymous()
            // A POST carries at most an access token.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(16 * 1024));
        return app;
    }

    private static IResult Document(HttpRequest request)
    {
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = root + "/",
            ["jwks_uri"] = root + "/.well-known/jwks",
            ["authorization_endpoint"] = root + SmartServer.AuthorizePath,
            ["token_endpoint"] = root + SmartServer.TokenPath,
            ["revocation_endpoint"] = root + SmartServer.RevokePath,
            ["userinfo_endpoint"] = root + SmartServer.UserInfoPath,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
            ["grant_types_supported"] = GrantTypesSupported,
            ["response_types_supported"] = ResponseTypesSupported,
            ["scopes_supported"] = SmartScopes.Listed,
            ["code_challenge_methods_supported"] = ChallengeMethods,
            ["capabilities"] = Capabilities,
        });
    }

    /// <summary>Who the token's user is, for apps that ask (OpenIddict checks the token first).</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var claims = new Dictionary<string, object> { [Claims.Subject] = principal.GetClaim(Claims.Subject)! };
        if (principal.GetClaim(SmartServer.FhirUserClaim) is { } fhirUser && principal.HasScope(SmartScopes.FhirUser))
        {
            claims[SmartServer.FhirUserClaim] = fhirUser;
        }
        return Results.Json(claims);
    }
}
