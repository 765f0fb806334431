using Hl7.Fhir.Model;

namespace Nervewise.Web.Fhir;

/// <summary>Token search values: <c>code</c>, <c>system|code</c>, <c>|code</c> (no system) or <c>system|</c> (any code).</summary>
public static class FhirToken
{
    public static bool Matches(string token, CodeableConcept? concept)
    {
        if (concept is null)
        {
            return false;
        }
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return concept.Coding.Any(c => c.Code == token);
        }
        var system = token[..bar];
        var code = token[(bar + 1)..];
        return concept.Coding.Any(c =>
            (system.Length == 0 ? string.IsNullOrEmpty(c.System) : c.System == system) && (code.Length == 0 || c.Code == code));
    }
}
