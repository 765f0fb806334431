using OpenIddict.Validation.AspNetCore;

namespace Nervewise.Web.Fhir;

/// <summary>The FHIR API's authorization: bearer tokens only (never the sign-in cookie).</summary>
public static class FhirAccess
{
    /// <summary>The authorization policy every token-protected /fhir endpoint requires.</summary>
    public const string Policy = "fhir";

    /// <summary>The authentication scheme that reads the access token (OpenIddict's local validation).</summary>
    public const string Scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
}
