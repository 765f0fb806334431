using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Nervewise.Documents.Fhir;

namespace Nervewise.Web.Fhir;

/// <summary>Every /fhir error as an OperationOutcome, in FHIR JSON.</summary>
public static class FhirOutcome
{
    public const string ContentType = "application/fhir+json; charset=utf-8";

    public static OperationOutcome Of(OperationOutcome.IssueType code, string diagnostics,
        OperationOutcome.IssueSeverity severity = OperationOutcome.IssueSeverity.Error) => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = severity, Code = code, Diagnostics = diagnostics }],
    };

    public static IResult Error(int status, OperationOutcome.IssueType code, string diagnostics) =>
        new FhirResult(Of(code, diagnostics), status);

    public static IResult BadParameter(string parameter, string why) =>
        Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, $"Search parameter '{parameter}': {why}");

    public static IResult NotFound(string what) =>
        Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, what);

    public static IResult Forbidden(string why) =>
        Error(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, why);

    /// <summary>What an empty error status means, for the responses the endpoints did not write themselves.</summary>
    public static OperationOutcome ForStatus(int status) => status switch
    {
        401 => Of(OperationOutcome.IssueType.Login, "An access token is needed: send 'Authorization: Bearer <token>'."),
        403 => Of(OperationOutcome.IssueType.Forbidden, "This access token does not allow this request."),
        404 => Of(OperationOutcome.IssueType.NotFound, "There is nothing at this address."),
        405 => Of(OperationOutcome.IssueType.NotSupported, "This server is read-only: only GET is supported."),
        406 => Of(OperationOutcome.IssueType.NotSupported, "Only FHIR JSON (application/fhir+json) is served."),
        >= 500 => Of(OperationOutcome.IssueType.Exception, "Something went wrong on the server. Please try again later."),
        _ => Of(OperationOutcome.IssueType.Processing, $"The request failed with status {status}."),
    };

    public static Task WriteAsync(HttpContext context, Resource resource) =>
        context.Response.WriteAsync(FhirJson.Serialize(resource), context.RequestAborted);
}

/// <summary>A FHIR resource as the response, in <c>application/fhir+json</c>.</summary>
public sealed class FhirResult(Resource resource, int status = StatusCodes.Status200OK) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = FhirOutcome.ContentType;
        return FhirOutcome.WriteAsync(httpContext, resource);
    }
}
