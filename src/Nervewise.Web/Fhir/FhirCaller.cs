using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Fhir;

/// <summary>
/// Who is calling the FHIR API, read from the access token's claims (made by the SMART sign-in server):
/// <c>sub</c> the user id, <c>role</c> "clinician" or "patient", the granted scopes, and <c>patient</c> the FHIR
/// Patient id a <c>patient/*</c> token is bound to.
/// </summary>
public sealed record FhirCaller(string UserId, bool IsClinician, IReadOnlySet<string> Scopes, string? PatientContext)
{
    /// <summary>The claim holding the FHIR Patient id a token with patient scopes is bound to (SMART launch context).</summary>
    public const string PatientClaim = "patient";

    public static FhirCaller? From(ClaimsPrincipal principal)
    {
        var userId = principal.GetClaim(Claims.Subject);
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }
        var isClinician = principal.GetClaims(Claims.Role).Contains(Data.Identity.Roles.Clinician);
        return new FhirCaller(userId, isClinician, principal.GetScopes().ToHashSet(StringComparer.Ordinal), principal.GetClaim(PatientClaim));
    }
}
