using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Nervewise.Web.Fhir;

/// <summary>
/// The read-only FHIR R4 API at /fhir: <c>metadata</c>, read and search of a person's resources (token needed), and
/// the public Questionnaire and CodeSystem. Anything else is a 404 or 405 OperationOutcome.
/// </summary>
public static partial class FhirEndpoints
{
    /// <summary>The types a person's record is served as.</summary>
    public static readonly string[] RecordTypes = ["Patient", "Observation", "QuestionnaireResponse", "CarePlan", "Flag"];

    /// <summary>The conformance resources anyone may read.</summary>
    public static readonly string[] PublicTypes = ["Questionnaire", "CodeSystem"];

    public static IServiceCollection AddFhirServer(this IServiceCollection services)
    {
        services.AddScoped<FhirReader>();
        services.AddAuthorizationBuilder().AddPolicy(FhirAccess.Policy, policy =>
            policy.AddAuthenticationSchemes(FhirAccess.Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").DisableAntiforgery();
        fhir.MapGet("/metadata", (HttpRequest request) => new FhirResult(FhirCapability.For(FhirBase.Of(request)))).AllowAnonymous();

        var records = $"^({string.Join('|', RecordTypes)})$";
        fhir.MapGet($"/{{type:regex({records})}}", FhirRecordEndpoints.SearchAsync).RequireAuthorization(FhirAccess.Policy);
        fhir.MapGet($"/{{type:regex({records})}}/{{id}}", FhirRecordEndpoints.ReadAsync).RequireAuthorization(FhirAccess.Policy);

        var open = $"^({string.Join('|', PublicTypes)})$";
        fhir.MapGet($"/{{type:regex({open})}}", SearchPublic).AllowAnonymous();
        fhir.MapGet($"/{{type:regex({open})}}/{{id}}", ReadPublic).AllowAnonymous();

        // Everything else under /fhir: an unknown type, or a method this read-only server does not serve.
        fhir.Map("/{**rest}", (HttpContext context, string? rest) => HttpMethods.IsGet(context.Request.Method)
            ? FhirOutcome.NotFound($"This server does not serve '{rest}'. It serves {string.Join(", ", RecordTypes.Concat(PublicTypes))} and metadata.")
            : FhirOutcome.Error(StatusCodes.Status405MethodNotAllowed, OperationOutcome.IssueType.NotSupported,
                $"This server is read-only: {context.Request.Method} is not supported.")).AllowAnonymous();
        return app;
    }

    /// <summary>Our ids are GUIDs; FHIR allows letters, digits, '-' and '.', at most 64.</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    private static IResult SearchPublic(string type, HttpRequest request)
    {
        var fhirBase = FhirBase.Of(request);
        var (search, error) = FhirSearch.Parse(type, request.Query, fhirBase);
        if (search is null)
        {
            return error!;
        }
        var matches = FhirSource.Public(fhirBase).Where(r => r.TypeName == type && search.Matches(r)).ToList();
        return new FhirResult(FhirPaging.Page(matches, search, type, request, fhirBase));
    }

    private static IResult ReadPublic(string type, string id, HttpRequest request) =>
        FhirSource.Public(FhirBase.Of(request)).FirstOrDefault(r => r.TypeName == type && r.Id == id) is { } resource
            ? new FhirResult(resource)
            : FhirOutcome.NotFound($"There is no {type}/{id}.");

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
