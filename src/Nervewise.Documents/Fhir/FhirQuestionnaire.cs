using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;

namespace Nervewise.Documents.Fhir;

/// <summary>
/// The Domain's assessment questionnaire read as a FHIR resource: the export takes each choice's coding (system,
/// code, display) from it, and the tests check the file is valid FHIR R4.
/// </summary>
public static class FhirQuestionnaire
{
    private static readonly Lazy<Questionnaire> Loaded = new(() => FhirJson.Parse<Questionnaire>(AssessmentQuestionnaire.Current.Json));

    public static Questionnaire Current => Loaded.Value;
}
