using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Nervewise.Web.Tests.Fhir;

/// <summary>The Firely validator on what the API serves (as tests/Nervewise.Documents.Tests does, until the shared helper lands).</summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    public static List<string> Errors(Resource resource) => [.. Validator.Value.Validate(resource).Issue
        .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
        .Select(i => $"{i.Location?.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}")];
}
