using System.Text.Json;

namespace Nervewise.Documents.Fhir;

/// <summary>The codes the FHIR export uses, from fhir-codes.json.</summary>
public sealed record FhirCodes(FhirCodes.Term PainSeverity, IReadOnlyList<FhirCodes.BodySite> BodySites)
{
    /// <summary>Our own code systems, for what standard terminologies do not name.</summary>
    public const string RegionSystem = "urn:nervewise:body-region";
    public const string ObservationSystem = "urn:nervewise:observation";
    public const string StageSystem = "urn:nervewise:rehab-stage";
    /// <summary>The pathway a stage belongs to (shared/spec/cli.md: nerve, muscle, tendon).</summary>
    public const string PathwaySystem = "urn:nervewise:rehab-pathway";
    public const string UserSystem = "urn:nervewise:user";
    /// <summary>The urgency of the safety state (assessment.md: emergency, today, urgent, soon) that a Flag stands for.</summary>
    public const string SafetySystem = "urn:nervewise:safety-urgency";

    public sealed record Term(string System, string Code, string Display);

    public sealed record BodySite(string Region, string Text, string? Snomed, string? Display);

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
