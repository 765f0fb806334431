using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Smart;

/// <summary>
/// The SMART on FHIR sign-in server (OpenIddict): authorization code with PKCE S256 only, refresh tokens for
/// <c>offline_access</c>, approvals and tokens in the database, and the validation the FHIR API uses.
/// </summary>
public static class SmartServer
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string RevokePath = "/connect/revoke";
    public const string UserInfoPath = "/connect/userinfo";

    /// <summary>The FHIR API's authentication scheme: OpenIddict's local validation of our own access tokens.</summary>
    public const string Scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static IServiceCollection AddNervewiseSmart(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var accessTokenLifetime = configuration.GetValue("Smart:AccessTokenLifetime", TimeSpan.FromHours(1));
        services.AddOpenIddict()
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris(AuthorizePath[1..])
                    .SetTokenEndpointUris(TokenPath[1..])
                    .SetRevocationEndpointUris(RevokePath[1..])
                    .SetUserInfoEndpointUris(UserInfoPath[1..]);
                // No implicit, hybrid or password flow: a browser app uses the code flow with PKCE like any other.
                options.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                options.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                options.RegisterScopes([.. SmartScopes.Listed]);
                // Apps carry no scope permissions (SmartApps), and an unknown scope is dropped at consent, not refused.
                options.IgnoreScopePermissions().DisableScopeValidation();
                options.SetAccessTokenLifetime(accessTokenLifetime);
                options.RegisterClaims(Claims.Subject, Claims.Role, FhirUserClaim, Fhir.FhirCaller.PatientClaim);
                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableErrorPassthrough();
                if (environment.IsDevelopment() || configuration.GetValue("Smart:AllowPlainHttp", false))
                {
                    // Plain http on a developer's machine and in the tests; behind a proxy the forwarded scheme is https.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
                options.AddEventHandler(LaunchContext.Descriptor);
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                // A revoked token or a withdrawn approval stops at once, not when the token expires.
                options.EnableAuthorizationEntryValidation();
                options.EnableTokenEntryValidation();
            });
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeys>();
        services.AddSmartCors();
        services.AddOpenIddictRequests();
        return services;
    }

    /// <summary>The SMART claim naming the signed-in user as a FHIR resource (<c>Patient/…</c> or <c>Practitioner/…</c>).</summary>
    public const string FhirUserClaim = "fhirUser";
}
