using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;

namespace Nervewise.Documents.Fhir;

/// <summary>
/// The Domain's assessment questionnaire read as a FHIR resource: the export takes each choice's coding (system,
/// code, display) from it, the FHIR server serves it at its canonical URL, and the tests check it is valid FHIR R4.
/// </summary>
public static class FhirQuestionnaire
{
    public const string Id = "assessment";

    private static readonly Lazy<Questionnaire> Loaded = new(() => FhirJson.Parse<Questionnaire>(AssessmentQuestionnaire.Current.Json));

    /// <summary>As stored, with the old URN as its url (the Domain's own copy).</summary>
    public static Questionnaire Current => Loaded.Value;

    /// <summary>The canonical URL the app serves it at: <c>{fhirBase}Questionnaire/assessment</c>.</summary>
    public static string Url(Uri fhirBase) => new Uri(fhirBase, $"Questionnaire/{Id}").ToString();

    /// <summary>
    /// The Questionnaire as served: its url is where it can be read, and the old URN stays as an identifier so
    /// responses that cite it still find it.
    /// </summary>
    public static Questionnaire For(Uri fhirBase)
    {
        var served = (Questionnaire)Current.DeepCopy();
        served.Id = Id;
        served.Url = Url(fhirBase);
        served.Identifier = [new Identifier("urn:ietf:rfc:3986", AssessmentQuestionnaire.Canonical)];
        return served;
    }
}
