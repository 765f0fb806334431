using System.Net;
using Hl7.Fhir.Model;
using Nervewise.Data;
using Nervewise.Testing;
using Task = System.Threading.Tasks.Task;

namespace Nervewise.Web.Tests.Fhir;

public sealed class FhirSearchTestsOnSqlite() : FhirSearchTests(DatabaseProvider.Sqlite);

public sealed class FhirSearchTestsOnPostgres() : FhirSearchTests(DatabaseProvider.Postgres);

/// <summary>Read and search of each type, the search parameters, and paging.</summary>
public abstract class FhirSearchTests(DatabaseProvider provider) : FhirApiTest(provider)
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);

    private async Task<(string User, HttpClient Client)> PersonAsync()
    {
        var ada = await UserAsync("ada@example.com");
        return (ada, Client(Tokens.Mint(ada, clinician: false, "patient/*.rs", PatientId(ada))));
    }

    private static async Task<Bundle> SearchAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await ResourceAsync<Bundle>(response);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        return bundle;
    }

    [Fact]
    public async Task Every_record_type_reads_by_id_and_searches_by_patient()
    {
        var (ada, client) = await PersonAsync();
        await PainAsync(ada, Day1);
        await Api.AssessAsync(ada);
        await Database.WarningSignAsync(ada, Day1);

        foreach (var type in new[] { "Patient", "Observation", "QuestionnaireResponse", "CarePlan", "Flag" })
        {
            var query = type == "Patient" ? $"_id={PatientId(ada)}" : $"patient={PatientId(ada)}";
            var bundle = await SearchAsync(client, $"/fhir/{type}?{query}");
            Assert.True(bundle.Total > 0, $"No {type} found.");
            await FhirValidation.AssertValidAsync(bundle);
            var first = bundle.Entry[0].Resource!;
            Assert.Equal(type, first.TypeName);
            Assert.Equal($"http://localhost/fhir/{type}/{first.Id}", bundle.Entry[0].FullUrl);

            using var read = await client.GetAsync($"/fhir/{type}/{first.Id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(first.Id, (await ResourceAsync<Resource>(read)).Id);
            if (type != "Patient")
            {
                var bySubject = await SearchAsync(client, $"/fhir/{type}?subject=Patient/{PatientId(ada)}");
                Assert.Equal(bundle.Total, bySubject.Total);
            }
        }
        var searchset = await SearchAsync(client, "/fhir/Observation");
        await FhirValidation.AssertValidAsync(searchset);
    }

    [Fact]
    public async Task A_missing_resource_is_a_404_operation_outcome()
    {
        var (_, client) = await PersonAsync();
        using var response = await client.GetAsync($"/fhir/Observation/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var outcome = await ResourceAsync<OperationOutcome>(response);
        Assert.Equal(OperationOutcome.IssueType.NotFound, outcome.Issue.Single().Code);
        await FhirValidation.AssertValidAsync(outcome);
    }

    [Fact]
    public async Task Observations_search_by_date_with_prefixes()
    {
        var (ada, client) = await PersonAsync();
        await PainAsync(ada, Day1);
        await PainAsync(ada, Day1.AddDays(1));
        await PainAsync(ada, Day1.AddDays(2));

        async Task<int?> Count(string query) => (await SearchAsync(client, "/fhir/Observation?" + query)).Total;
        Assert.Equal(1, await Count("date=2026-11-21"));
        Assert.Equal(1, await Count("date=eq2026-11-21"));
        Assert.Equal(2, await Count("date=ge2026-11-21"));
        Assert.Equal(2, await Count("date=le2026-11-21"));
        Assert.Equal(1, await Count("date=gt2026-11-21"));
        Assert.Equal(1, await Count("date=lt2026-11-21"));
        Assert.Equal(3, await Count("date=2026-11"));
        Assert.Equal(1, await Count("date=ge2026-11-21&date=lt2026-11-22"));
        Assert.Equal(2, await Count("date=2026-11-20,2026-11-22"));
        Assert.Equal(1, await Count("date=ge2026-11-21T08:30:00Z&date=le2026-11-21T08:30:00Z"));
        Assert.Equal(0, await Count("date=2025"));
    }

    [Fact]
    public async Task Observations_search_by_code_and_category()
    {
        var (ada, client) = await PersonAsync();
        await PainAsync(ada, Day1);
        var observation = (Observation)(await SearchAsync(client, "/fhir/Observation")).Entry.Single().Resource!;
        var code = observation.Code!.Coding[0];
        var category = observation.Category[0].Coding[0];

        async Task<int?> Count(string query) => (await SearchAsync(client, "/fhir/Observation?" + query)).Total;
        Assert.Equal(1, await Count($"code={Uri.EscapeDataString(code.System + "|" + code.Code)}"));
        Assert.Equal(1, await Count($"code={Uri.EscapeDataString(code.Code!)}"));
        Assert.Equal(1, await Count($"code={Uri.EscapeDataString(code.System + "|")}"));
        Assert.Equal(0, await Count($"code={Uri.EscapeDataString(code.System + "|no-such-code")}"));
        Assert.Equal(1, await Count($"code=no-such-code,{Uri.EscapeDataString(code.Code!)}"));
        Assert.Equal(1, await Count($"category={Uri.EscapeDataString(category.System + "|" + category.Code)}"));
        Assert.Equal(0, await Count("category=laboratory&code=" + Uri.EscapeDataString(code.Code!)));
    }

    [Fact]
    public async Task Paging_follows_next_links_in_a_stable_order_with_the_total()
    {
        var (ada, client) = await PersonAsync();
        for (var i = 0; i < 5; i++)
        {
            await PainAsync(ada, Day1.AddHours(i));
        }
        var ids = new List<string>();
        var url = "/fhir/Observation?_count=2";
        var pages = 0;
        while (url is not null)
        {
            var page = await SearchAsync(client, url);
            Assert.Equal(5, page.Total);
            Assert.NotNull(page.SelfLink);
            ids.AddRange(page.Entry.Select(e => e.Resource!.Id!));
            url = page.NextLink?.PathAndQuery;
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(5, ids.Distinct().Count());

        var first = await SearchAsync(client, "/fhir/Observation");
        Assert.Equal(ids, first.Entry.Select(e => e.Resource!.Id!));
        Assert.Null(first.NextLink);
        var none = await SearchAsync(client, "/fhir/Observation?_count=0");
        Assert.Equal(5, none.Total);
        Assert.Empty(none.Entry);
        var most = await SearchAsync(client, "/fhir/Observation?_count=100000");
        Assert.Contains("_count=500", most.SelfLink!.Query, StringComparison.Ordinal);
    }
}
