using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Nervewise.Documents.Fhir;

namespace Nervewise.Web.Fhir;

/// <summary>
/// The one place the server meets the record mapping (Nervewise.Documents), so the server does not care how a record
/// becomes resources. MERGE NOTE: the record helper's entry points replace the bodies here:
/// <c>FhirExport.PatientId</c>, <c>FhirExport.Resources(record, now, fhirBase)</c>, <c>FhirQuestionnaire.For(fhirBase)</c>
/// and <c>FhirCodeSystem.For(fhirBase)</c>.
/// </summary>
public static class FhirSource
{
    /// <summary>The FHIR Patient id of a user (deterministic, as the export makes it).</summary>
    public static string PatientId(string userId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"patient:{userId}")).AsSpan(0, 16)).ToString();

    /// <summary>Every resource of one person's record, references relative (<c>Patient/{id}</c>).</summary>
    public static IReadOnlyList<Resource> Resources(FhirExport.Record record, DateTimeOffset now, Uri fhirBase)
    {
        _ = fhirBase;
        var resources = FhirExport.Resources(record, now);
        // Until the record helper's mapping lands, the stub cites the Patient by urn:uuid: make it relative.
        var subject = new ResourceReference($"Patient/{PatientId(record.PersonId)}");
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case Observation o: o.Subject = subject; break;
                case QuestionnaireResponse q: q.Subject = subject; break;
                case CarePlan c: c.Subject = subject; break;
                case Flag f: f.Subject = subject; break;
            }
        }
        return resources;
    }

    /// <summary>The public conformance resources: the assessment Questionnaire and our own CodeSystems.</summary>
    public static IReadOnlyList<Resource> Public(Uri fhirBase)
    {
        _ = fhirBase;
        var questionnaire = FhirQuestionnaire.Current;
        if (string.IsNullOrEmpty(questionnaire.Id))
        {
            questionnaire = (Questionnaire)questionnaire.DeepCopy();
            questionnaire.Id = "assessment";
        }
        return [questionnaire];
    }
}
