using System.Net;
using Hl7.Fhir.Model;
using Nervewise.Data;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Fhir;

public sealed class FhirMetadataTestsOnSqlite() : FhirMetadataTests(DatabaseProvider.Sqlite);

public sealed class FhirMetadataTestsOnPostgres() : FhirMetadataTests(DatabaseProvider.Postgres);

/// <summary>What anyone may read without a token: the CapabilityStatement, the Questionnaire and the CodeSystems.</summary>
public abstract class FhirMetadataTests(DatabaseProvider provider) : FhirApiTest(provider)
{
    [Fact]
    public async System.Threading.Tasks.Task Metadata_is_public_lists_every_type_and_search_and_names_the_oauth_endpoints()
    {
        using var response = await Client().GetAsync("/fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var capability = await ResourceAsync<CapabilityStatement>(response);
        var rest = capability.Rest.Single();
        Assert.Equal(["Patient", "Observation", "QuestionnaireResponse", "CarePlan", "Flag", "Questionnaire", "CodeSystem"],
            rest.Resource.Select(r => r.Type));
        var observation = rest.Resource.Single(r => r.Type == "Observation");
        Assert.Superset(new HashSet<string> { "patient", "subject", "code", "category", "date", "_count" },
            observation.SearchParam.Select(p => p.Name!).ToHashSet());
        Assert.All(rest.Resource, r => Assert.Equal<CapabilityStatement.TypeRestfulInteraction>(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType],
            r.Interaction.Select(i => i.Code!.Value)));
        var uris = rest.Security!.Extension.Single(e => e.Url!.EndsWith("oauth-uris", StringComparison.Ordinal));
        Assert.Equal("http://localhost/connect/authorize", ((FhirUri)uris.GetExtension("authorize")!.Value!).Value);
        Assert.Equal("http://localhost/connect/token", ((FhirUri)uris.GetExtension("token")!.Value!).Value);
        Assert.Equal(FHIRVersion.N4_0_1, capability.FhirVersion);
        await FhirValidation.AssertValidAsync(capability);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_questionnaire_is_public_by_search_and_by_id()
    {
        var client = Client();
        using var searched = await client.GetAsync("/fhir/Questionnaire");
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var bundle = await ResourceAsync<Bundle>(searched);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var questionnaire = Assert.IsType<Questionnaire>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal($"http://localhost/fhir/Questionnaire/{questionnaire.Id}", bundle.Entry[0].FullUrl);
        // The canonical URL is where it is served, so a reader can resolve it.
        Assert.Equal(bundle.Entry[0].FullUrl, questionnaire.Url);
        await FhirValidation.AssertValidAsync(bundle);

        using var read = await client.GetAsync($"/fhir/Questionnaire/{questionnaire.Id}");
        Assert.Equal(questionnaire.Url, (await ResourceAsync<Questionnaire>(read)).Url);

        using var byUrl = await client.GetAsync($"/fhir/Questionnaire?url={Uri.EscapeDataString(questionnaire.Url!)}");
        Assert.Equal(1, (await ResourceAsync<Bundle>(byUrl)).Total);
        using var otherUrl = await client.GetAsync("/fhir/Questionnaire?url=http://example.org/other");
        Assert.Equal(0, (await ResourceAsync<Bundle>(otherUrl)).Total);
        using var missing = await client.GetAsync("/fhir/Questionnaire/no-such-one");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Questionnaire/no-such-one", await OutcomeAsync(missing));
    }

    [Fact]
    public async System.Threading.Tasks.Task Code_systems_are_searchable_without_a_token()
    {
        using var response = await Client().GetAsync("/fhir/CodeSystem");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await ResourceAsync<Bundle>(response);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var codes = Assert.IsType<CodeSystem>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal("http://localhost/fhir/CodeSystem/nervewise", codes.Url);
        Assert.Equal(codes.Url, bundle.Entry[0].FullUrl);
        Assert.NotEmpty(codes.Concept);
        await FhirValidation.AssertValidAsync(bundle);
    }
}
