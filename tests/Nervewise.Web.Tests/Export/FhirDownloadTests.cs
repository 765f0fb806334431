using System.Text.Json;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Testing.Fhir;
using Nervewise.Web.Tests.Pages.Clinic;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Export;

public sealed class FhirDownloadTestsOnSqlite() : FhirDownloadTests(DatabaseProvider.Sqlite);

public sealed class FhirDownloadTestsOnPostgres() : FhirDownloadTests(DatabaseProvider.Postgres);

/// <summary>The person's FHIR download: a transaction Bundle on the app's FHIR base, every diary row in it, valid to two validators.</summary>
public abstract class FhirDownloadTests(DatabaseProvider provider) : AppTest(provider)
{
    [Fact]
    public async Task The_download_is_a_transaction_of_every_row_that_passes_firely_and_the_r4_schema()
    {
        var person = App.Browser();
        await person.RegisterAsync("whole@example.com", name: "Wren Whole", dateOfBirth: "1988-05-04");
        await person.LogAsync(
            Caseloads.Row(3, "pain", "calf", 4),
            Caseloads.Row(2.9, "symptom", "numbness", 3),
            Caseloads.Row(2.8, "sleep", "night", 7.5m),
            new { id = Guid.NewGuid(), time = Caseloads.Time(DateTimeOffset.UtcNow.AddDays(-2)), type = "activity", item = "walking", value = (decimal?)null, durationMinutes = 35 },
            new { id = Guid.NewGuid(), time = Caseloads.Time(DateTimeOffset.UtcNow.AddDays(-1)), type = "exercise", item = "slump-slider", value = 2, durationMinutes = 10 },
            Caseloads.Row(0.5, "relief", "heat", -1));

        var json = await person.GetStringAsync("/diary/import/fhir");

        using var bundle = JsonDocument.Parse(json);
        Assert.Equal("transaction", bundle.RootElement.GetProperty("type").GetString());
        var entries = bundle.RootElement.GetProperty("entry").EnumerateArray().ToList();
        Assert.All(entries, e =>
        {
            var resource = e.GetProperty("resource");
            var path = $"{resource.GetProperty("resourceType").GetString()}/{resource.GetProperty("id").GetString()}";
            Assert.Equal($"http://localhost/fhir/{path}", e.GetProperty("fullUrl").GetString());
            Assert.Equal(("PUT", path), (e.GetProperty("request").GetProperty("method").GetString(), e.GetProperty("request").GetProperty("url").GetString()));
        });
        Assert.Equal(6, entries.Count(e => e.GetProperty("resource").GetProperty("resourceType").GetString() == "Observation"));
        Assert.DoesNotContain("urn:uuid:", json, StringComparison.Ordinal);
        FirelyValidator.AssertValid(json);
        await NodeFhirValidator.AssertValidAsync(json);
    }
}
