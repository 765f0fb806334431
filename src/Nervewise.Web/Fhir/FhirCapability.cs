using Hl7.Fhir.Model;

namespace Nervewise.Web.Fhir;

/// <summary>
/// The public CapabilityStatement: every type, interaction and search parameter this server serves, and the SMART
/// security extension naming the OAuth endpoints.
/// </summary>
public static class FhirCapability
{
    public static CapabilityStatement For(Uri fhirBase)
    {
        // The OAuth endpoints sit beside /fhir, under the same root (and path base).
        var root = new Uri(fhirBase, "../");
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = "Read-only. A person's resources need a SMART on FHIR access token (patient/*.rs or user/*.rs); " +
                "the Questionnaire and the CodeSystem are public.",
            Security = Security(root),
        };
        foreach (var type in FhirEndpoints.RecordTypes.Concat(FhirEndpoints.PublicTypes))
        {
            rest.Resource.Add(Resource(type));
        }
        return new CapabilityStatement
        {
            Id = "nervewise",
            Url = new Uri(fhirBase, "metadata").AbsoluteUri,
            Name = "Nervewise",
            Title = "Nervewise FHIR API",
            Status = PublicationStatus.Active,
            Date = "2026-11-28",
            Publisher = "Nervewise",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Nervewise" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Nervewise", Url = fhirBase.AbsoluteUri },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json", "json"],
            Rest = [rest],
        };
    }

    private static CapabilityStatement.ResourceComponent Resource(string type)
    {
        var resource = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Interaction =
            [
                new() { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new() { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
            ],
            Versioning = CapabilityStatement.ResourceVersionPolicy.NoVersion,
            ReadHistory = false,
            UpdateCreate = false,
        };
        resource.SearchParam.Add(Parameter("_id", SearchParamType.Token, "The resource's id"));
        foreach (var (name, kind, says) in FhirSearch.Parameters[type])
        {
            resource.SearchParam.Add(Parameter(name, kind, says));
        }
        resource.SearchParam.Add(Parameter("_count", SearchParamType.Number, $"Page size (default {FhirSearch.DefaultCount}, at most {FhirSearch.MaxCount})"));
        return resource;
    }

    private static CapabilityStatement.SearchParamComponent Parameter(string name, SearchParamType type, string says) =>
        new() { Name = name, Type = type, Documentation = says };

    private static CapabilityStatement.SecurityComponent Security(Uri root)
    {
        var uris = new Extension { Url = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris" };
        uris.Extension.Add(new Extension("authorize", new FhirUri(new Uri(root, "connect/authorize").AbsoluteUri)));
        uris.Extension.Add(new Extension("token", new FhirUri(new Uri(root, "connect/token").AbsoluteUri)));
        uris.Extension.Add(new Extension("revoke", new FhirUri(new Uri(root, "connect/revoke").AbsoluteUri)));
        return new CapabilityStatement.SecurityComponent
        {
            Cors = true,
            Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")],
            Description = "OAuth 2.0 with SMART on FHIR App Launch 2.0 (authorization code with PKCE S256); see .well-known/smart-configuration.",
            Extension = [uris],
        };
    }
}
