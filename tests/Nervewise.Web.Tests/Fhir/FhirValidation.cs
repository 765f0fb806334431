using Hl7.Fhir.Model;
using Nervewise.Documents.Fhir;
using Nervewise.Testing.Fhir;

namespace Nervewise.Web.Tests.Fhir;

/// <summary>What the API serves, through the official validator (Firely) and an independent one (the R4 JSON schema and Medplum, from npm).</summary>
public static class FhirValidation
{
    public static async System.Threading.Tasks.Task AssertValidAsync(Resource resource)
    {
        FirelyValidator.AssertValid(resource);
        await NodeFhirValidator.AssertValidAsync(FhirJson.Serialize(resource));
    }
}
