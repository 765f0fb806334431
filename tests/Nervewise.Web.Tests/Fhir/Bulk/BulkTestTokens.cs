using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Tests.Fhir.Bulk;

/// <summary>
/// TEST ONLY: a stand-in for the SMART server's access tokens, so these tests need no sign-in flow (SmartTokenMatrixTests uses real ones). The "token" spells out the
/// claims FhirCaller reads (sub, role, scopes) so the bulk export can be tested alone; the real-token tests belong to
/// the SMART part. Registered under the policy name the FHIR group requires ("fhir").
/// </summary>
public static class BulkTestTokens
{
    public const string Scheme = "BulkTestToken";

    /// <summary>The app with the stand-in tokens and a quick worker poll.</summary>
    public static WebApplicationFactory<Program> WithTestTokens(this WebApplicationFactory<Program> app) =>
        app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Fhir:Bulk:PollSeconds", "0.2");
            builder.ConfigureTestServices(services =>
            {
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null);
                services.AddAuthorization(options => options.AddPolicy("fhir", policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()));
            });
        });

    /// <summary>A client sending a stand-in token for this user, role and scopes.</summary>
    public static HttpClient Client(this WebApplicationFactory<Program> app, string userId, string role, string scopes = "user/*.rs")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userId}|{role}|{scopes}")));
        return client;
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(header["Bearer ".Length..])).Split('|');
            var identity = new ClaimsIdentity(BulkTestTokens.Scheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, parts[0]));
            identity.AddClaim(new Claim(Claims.Role, parts[1]));
            var principal = new ClaimsPrincipal(identity).SetScopes(parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, BulkTestTokens.Scheme)));
        }
    }
}
