using Hl7.Fhir.Model;
using Nervewise.Documents.Fhir;

namespace Nervewise.Web.Fhir.Bulk;

/// <summary>
/// The bulk export's own small copies of the FHIR server's helpers (an OperationOutcome answer, the FHIR base address),
/// so this part stands alone; the server's FhirBase and OperationOutcome helpers can replace them.
/// </summary>
internal static class BulkOutcome
{
    public const string FhirJsonType = "application/fhir+json; charset=utf-8";

    /// <summary>An error as FHIR wants it: an OperationOutcome whose diagnostics name what was wrong.</summary>
    public static IResult Error(int status, OperationOutcome.IssueType code, string diagnostics) =>
        Results.Content(FhirJson.Serialize(new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = diagnostics }],
        }), FhirJsonType, statusCode: status);

    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Send an access token (Authorization: Bearer).");

    public static IResult NotFound(string what) => Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, what);

    /// <summary>The FHIR base ending in "/fhir/": the configured public address, else the request's own.</summary>
    public static Uri FhirBase(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Fhir:PublicUrl"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}/fhir"
            : configured.TrimEnd('/');
        return new Uri(root + "/");
    }
}
