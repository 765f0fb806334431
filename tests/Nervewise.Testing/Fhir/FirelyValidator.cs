using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Nervewise.Testing.Fhir;

/// <summary>
/// The Firely validator against the R4 specification, shared by every test that checks what the app writes or serves.
/// It loads the whole specification once (seconds), so all tests share one instance.
/// </summary>
public static class FirelyValidator
{
    private static readonly Lazy<Validator> Loaded = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    private static readonly object Gate = new();

    /// <summary>Errors and fatal issues, each as "where: what"; empty when the resource is valid.</summary>
    public static IReadOnlyList<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate) // one validator, used from parallel tests
        {
            outcome = Loaded.Value.Validate(resource);
        }
        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Location?.FirstOrDefault() ?? i.Expression?.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}")];
    }

    /// <summary>The same for JSON as served: text that does not even parse as FHIR is one error.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        try
        {
            return Errors(new FhirJsonDeserializer(new DeserializerSettings()).DeserializeResource(json));
        }
        catch (DeserializationFailedException ex)
        {
            return [$"not FHIR R4 JSON: {ex.Message}"];
        }
    }

    /// <summary>Fails the test with every error listed when there is any.</summary>
    public static void AssertValid(Resource resource) => Throw(Errors(resource), resource.TypeName);

    public static void AssertValid(string json) => Throw(Errors(json), "JSON");

    private static void Throw(IReadOnlyList<string> errors, string what)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The {what} fails the Firely R4 validator:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }
}
