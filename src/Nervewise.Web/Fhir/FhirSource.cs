using Hl7.Fhir.Model;
using Nervewise.Documents.Fhir;

namespace Nervewise.Web.Fhir;

/// <summary>
/// The one place the server meets the record mapping (Nervewise.Documents), so the server does not care how a record
/// becomes resources.
/// </summary>
public static class FhirSource
{
    /// <summary>The FHIR Patient id of a user (deterministic, as the export makes it).</summary>
    public static string PatientId(string userId) => FhirExport.PatientId(userId);

    /// <summary>Every resource of one person's record, references relative (<c>Patient/{id}</c>).</summary>
    public static IReadOnlyList<Resource> Resources(FhirExport.Record record, DateTimeOffset now, Uri fhirBase) =>
        FhirExport.Resources(record, now, fhirBase);

    /// <summary>The public conformance resources: the assessment Questionnaire and our own CodeSystem.</summary>
    public static IReadOnlyList<Resource> Public(Uri fhirBase) =>
        [FhirQuestionnaire.For(fhirBase), FhirCodeSystem.For(fhirBase)];
}
