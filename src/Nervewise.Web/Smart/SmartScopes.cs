using System.Text.RegularExpressions;

namespace Nervewise.Web.Smart;

/// <summary>
/// The scopes an app may be given. The FHIR API is read-only: <c>patient/</c> and <c>user/</c> scopes with read or
/// search rights (SMART v2 <c>.rs</c>, <c>.r</c>, <c>.s</c>, and v1 <c>.read</c>), for all types or one. Anything else
/// an app asks for is dropped rather than refused, as the SMART spec allows.
/// </summary>
public static partial class SmartScopes
{
    public const string OpenId = "openid";
    public const string FhirUser = "fhirUser";
    public const string OfflineAccess = "offline_access";
    public const string LaunchPatient = "launch/patient";

    /// <summary>The scopes named in the SMART configuration.</summary>
    public static readonly IReadOnlyList<string> Listed =
    [
        OpenId, FhirUser, OfflineAccess, LaunchPatient, "patient/*.rs", "user/*.rs", "patient/*.read", "user/*.read",
        "patient/Patient.rs", "patient/Observation.rs", "patient/QuestionnaireResponse.rs", "patient/CarePlan.rs", "patient/Flag.rs",
        "user/Patient.rs", "user/Observation.rs", "user/QuestionnaireResponse.rs", "user/CarePlan.rs", "user/Flag.rs",
    ];

    [GeneratedRegex(@"^(patient|user)/(\*|[A-Z][A-Za-z]{1,63})\.(rs|r|s|read)$")]
    private static partial Regex ResourceScope();

    public static bool IsKnown(string scope) =>
        scope is OpenId or FhirUser or OfflineAccess or LaunchPatient || ResourceScope().IsMatch(scope);

    public static bool IsPatientScope(string scope) => scope.StartsWith("patient/", StringComparison.Ordinal);

    public static bool IsResourceScope(string scope) => ResourceScope().IsMatch(scope);

    /// <summary>The requested scopes we grant, in the order asked, without duplicates.</summary>
    public static IReadOnlyList<string> Granted(IEnumerable<string> requested) => [.. requested.Where(IsKnown).Distinct(StringComparer.Ordinal)];
}
