using System.Net;
using System.Text.Json;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.BadInput.WebFuzz;

namespace Nervewise.Web.Tests.BadInput;

public sealed class FoundBugWebTestsOnSqlite() : FoundBugWebTests(DatabaseProvider.Sqlite);

public sealed class FoundBugWebTestsOnPostgres() : FoundBugWebTests(DatabaseProvider.Postgres);

/// <summary>Requests the fuzzing found answered with 500; each is now a 400 naming the field, or a page.</summary>
public abstract class FoundBugWebTests(DatabaseProvider provider) : AppTest(provider)
{
    [Theory]
    [InlineData("""{"time":"2026-03-01T21:30:00+01:00","type":"pain","item":"calf","value":6,"note":"a\u0000b"}""", "note")]
    [InlineData("""{"time":"2026-03-01T21:30:00+01:00","type":"pain","item":"calf","value":6,"note":"\ud800"}""", "note")]
    [InlineData("""{"time":"2026-03-01T21:30:00+01:00","type":"\udc00","item":"calf","value":6}""", "type")]
    [InlineData("""{"time":"9999-12-31T23:59:59Z","type":"flare","item":"foot","value":9,"durationMinutes":20160}""", "time")]
    [InlineData("""{"time":"0001-01-01T00:00:00Z","type":"pain","item":"calf","value":6}""", "time")]
    public async Task A_diary_body_the_database_or_the_charts_could_not_take_is_refused_by_field(string body, string field)
    {
        var client = ProductionClient(App);
        await client.RegisterAsync("ada@example.com");

        var response = await client.PostAsync("/api/v1/diary", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await RowsAsync(Database)).Diary);
    }

    [Fact]
    public async Task An_assessment_with_an_escaped_lone_surrogate_is_refused_by_item()
    {
        var client = ProductionClient(App);
        await client.RegisterAsync("ada@example.com");

        var response = await client.PostAsync("/api/v1/assessments", Json("""{"trend":"\ud800"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"trend\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/diary/activity", "Item", "walking", "Minutes", "2147483647")]
    [InlineData("/diary/session", "Item", "slump-slider", "Minutes", "2147483647")]
    public async Task A_form_with_a_duration_of_int_max_minutes_is_refused_not_crashed(string page, string itemField, string item, string minutesField, string minutes)
    {
        var client = ProductionClient(App);
        await client.RegisterAsync("ada@example.com");

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { [itemField] = item, [minutesField] = minutes, ["Pain"] = "2" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Duration", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, (await RowsAsync(Database)).Diary);
    }
}
