using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Tests.Fhir;

/// <summary>
/// TEST ONLY: bearer tokens that stand in for the SMART server's access tokens, carrying the same claims FhirCaller
/// reads (sub, role, the granted scopes, patient), so the FHIR server's tests need no sign-in flow. The real tokens
/// are tested in tests/Nervewise.Web.Tests/Smart.
/// </summary>
public sealed class FhirTestTokens
{
    public const string Scheme = "FhirTestToken";

    private readonly ConcurrentDictionary<string, ClaimsPrincipal> _tokens = new(StringComparer.Ordinal);

    public string Mint(string userId, bool clinician, string scopes, string? patient = null)
    {
        var identity = new ClaimsIdentity(Scheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, userId));
        identity.AddClaim(new Claim(Claims.Role, clinician ? "clinician" : "patient"));
        if (patient is not null)
        {
            identity.AddClaim(new Claim(Nervewise.Web.Fhir.FhirCaller.PatientClaim, patient));
        }
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = principal;
        return token;
    }

    public ClaimsPrincipal? Find(string token) => _tokens.GetValueOrDefault(token);
}

/// <summary>TEST ONLY: reads <c>Authorization: Bearer</c> against <see cref="FhirTestTokens"/>.</summary>
public sealed class FhirTestTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, FhirTestTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        return Task.FromResult(tokens.Find(header["Bearer ".Length..]) is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name))
            : AuthenticateResult.Fail("Unknown token."));
    }
}
