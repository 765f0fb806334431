using System.Text.Json;

namespace Nervewise.Documents.Fhir;

/// <summary>The standard codes the FHIR export uses (LOINC, SNOMED CT), from fhir-codes.json with each one's source.</summary>
public sealed record FhirCodes(
    FhirCodes.Term PainSeverity, FhirCodes.Term SleepDuration, FhirCodes.Term ExerciseDuration,
    IReadOnlyList<FhirCodes.BodySite> BodySites, IReadOnlyList<FhirCodes.SymptomCode> Symptoms)
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    /// <summary>The identifier system of a person's account id (an identifier, not a code: it stays a URN).</summary>
    public const string UserSystem = "urn:nervewise:user";

    public sealed record Term(string System, string Code, string Display);

    public sealed record BodySite(string Region, string Text, string? Snomed, string? Display);

    public sealed record SymptomCode(string Item, string? Snomed, string? Display);

    private static readonly Lazy<FhirCodes> Loaded = new(Load);

    public static FhirCodes Current => Loaded.Value;

    private static FhirCodes Load()
    {
        using var stream = typeof(FhirCodes).Assembly.GetManifestResourceStream("fhir-codes.json")
            ?? throw new InvalidOperationException("fhir-codes.json is not embedded in Nervewise.Documents.");
        return JsonSerializer.Deserialize<FhirCodes>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("fhir-codes.json is empty.");
    }
}
