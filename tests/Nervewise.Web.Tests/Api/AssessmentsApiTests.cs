using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Assessment;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Nervewise.Web.Tests.Api;

public sealed class AssessmentsApiTestsOnSqlite() : AssessmentsApiTests(DatabaseProvider.Sqlite);

public sealed class AssessmentsApiTestsOnPostgres() : AssessmentsApiTests(DatabaseProvider.Postgres);

public abstract class AssessmentsApiTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Sciatica = """{"pins-and-needles": true, "pain-below-knee": true, "sitting-bending-worst": true, "weeks-since-onset": 6}""";

    private const string FhirResponse = """
        {"resourceType": "QuestionnaireResponse", "status": "completed",
         "questionnaire": "urn:nervewise:questionnaire:assessment",
         "item": [{"linkId": "screen-thigh", "item": [
            {"linkId": "local-tender-spot", "answer": [{"valueBoolean": true}]},
            {"linkId": "pain-on-contraction", "answer": [{"valueBoolean": true}]}]},
           {"linkId": "screen-start", "item": [
            {"linkId": "sudden-onset-in-activity", "answer": [{"valueBoolean": true}]}]}]}
        """;

    private async Task<HttpClient> SignedInAsync(string email = "ada@example.com")
    {
        var client = App.Browser();
        await client.RegisterAsync(email);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string mediaType = "application/json") =>
        client.PostAsync("/api/v1/assessments", new StringContent(json, Encoding.UTF8, mediaType));

    private async Task<int> StoredCountAsync()
    {
        await using var db = Database.OpenContext();
        return await db.Assessments.CountAsync();
    }

    [Fact]
    public async Task The_questionnaire_is_served_as_fhir_without_signing_in()
    {
        var response = await App.Browser().GetAsync("/api/v1/questionnaires/assessment");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var questionnaire = FhirJson.Parse<Questionnaire>(await response.Content.ReadAsStringAsync());
        // The questions; the screens' introductions are display items beside them (3 of them).
        var linkIds = questionnaire.Item.SelectMany(g => g.Item).Where(i => i.Type != Questionnaire.QuestionnaireItemType.Display).Select(i => i.LinkId).ToList();
        Assert.Equal(3, questionnaire.Item.SelectMany(g => g.Item).Count(i => i.Type == Questionnaire.QuestionnaireItemType.Display));
        Assert.Contains("pins-and-needles", linkIds);
        Assert.Contains("weeks-of-rehab-without-improvement", linkIds);
        Assert.Equal(AssessmentQuestionnaire.Current.Items.Count, linkIds.Count);
        Assert.Equal(45, linkIds.Count);
        Assert.Contains("calf-swelling", linkIds);
        Assert.Contains("pain-loaded-hip-bend", linkIds);
    }

    [Fact]
    public async Task A_plain_object_is_assessed_stored_and_listed()
    {
        var client = await SignedInAsync();

        var response = await PostAsync(client, Sciatica);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = created.RootElement;
        Assert.Equal("nerve", root.GetProperty("primarySource").GetString());
        Assert.Equal("likely", root.GetProperty("sources")[0].GetProperty("level").GetString());
        Assert.Equal("routine", root.GetProperty("urgency").GetString());
        Assert.Equal("not-recommended", root.GetProperty("imaging").GetString());
        var id = root.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/assessments/{id}", response.Headers.Location?.OriginalString);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/assessments");
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.True(one.GetProperty("answers").GetProperty("pins-and-needles").GetBoolean());
    }

    [Fact]
    public async Task A_response_citing_the_served_questionnaire_is_accepted()
    {
        var client = await SignedInAsync();
        var served = FhirJson.Parse<Questionnaire>(await client.GetStringAsync("/fhir/Questionnaire/assessment"));
        Assert.Equal("http://localhost/fhir/Questionnaire/assessment", served.Url);
        var fromApi = FhirJson.Parse<Questionnaire>(await client.GetStringAsync("/api/v1/questionnaires/assessment"));
        Assert.Equal(served.Url, fromApi.Url);

        foreach (var cited in new[] { served.Url, $"{served.Url}|{served.Version}" })
        {
            var response = await PostAsync(client, FhirResponse.Replace("urn:nervewise:questionnaire:assessment", cited, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var other = await PostAsync(client, FhirResponse.Replace("urn:nervewise:questionnaire:assessment", "http://example.org/fhir/Questionnaire/other", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(2, await StoredCountAsync());
    }

    [Fact]
    public async Task A_new_red_flag_alone_is_today_and_the_open_ones_are_listed_with_their_urgency()
    {
        var client = await SignedInAsync();

        var response = await PostAsync(client, """{"calf-swelling": true, "pain-below-knee": true, "both-legs": false}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var root = (await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal("today", root.GetProperty("urgency").GetString());
        Assert.Equal("calf-swelling", Assert.Single(root.GetProperty("redFlags").EnumerateArray()).GetProperty("item").GetString());
        Assert.Equal("discuss-with-clinician", root.GetProperty("imaging").GetString());
        var open = root.GetProperty("unansweredRedFlags").EnumerateArray()
            .ToDictionary(r => r.GetProperty("item").GetString()!, r => r.GetProperty("urgency").GetString());
        Assert.Equal("emergency", open["bladder-bowel-change"]);
        Assert.Equal("today", open["foot-drop"]);
        Assert.Equal("urgent", open["injected-drugs"]);
        Assert.Equal("soon", open["weakness"]);
        Assert.False(open.ContainsKey("calf-swelling"));
        Assert.False(open.ContainsKey("both-legs"));
        Assert.False(open.ContainsKey("progressive-weakness"));
    }

    [Fact]
    public async Task With_every_red_flag_answered_the_open_list_is_empty()
    {
        var client = await SignedInAsync();
        var answers = AssessmentRules.Current.RedFlags.Items.Where(r => r.Item != "progressive-weakness").ToDictionary(r => r.Item, _ => false);

        var response = await client.PostAsJsonAsync("/api/v1/assessments", answers);

        var root = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("routine", root.GetProperty("urgency").GetString());
        Assert.Empty(root.GetProperty("unansweredRedFlags").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"calf-swelling": true, "calf-sweling": true}""", "calf-sweling", "is not an item")]
    [InlineData("""{"foot-drop": "yes"}""", "foot-drop", "must be true or false")]
    [InlineData("""{"injected-drugs": 1}""", "injected-drugs", "must be true or false")]
    [InlineData("""{"resourceType": "QuestionnaireResponse", "status": "completed", "item": [{"linkId": "fever", "answer": [{"valueBoolean": true}]}]}""", "fever", "is not an item")]
    [InlineData("""{"resourceType": "QuestionnaireResponse", "status": "completed", "item": [{"linkId": "lowered-immunity", "answer": [{"valueString": "yes"}]}]}""", "lowered-immunity", "must be true or false")]
    public async Task An_unknown_or_mistyped_item_is_named_and_nothing_more_is_stored(string json, string item, string message)
    {
        var client = await SignedInAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, Sciatica)).StatusCode);
        var before = await StoredCountAsync();

        var response = await PostAsync(client, json, json.Contains("resourceType", StringComparison.Ordinal) ? "application/fhir+json" : "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("nothing was saved", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var messages = problem.GetProperty("errors").GetProperty(item).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains($"item '{item}' {message}", StringComparison.Ordinal));
        Assert.Equal(before, await StoredCountAsync());
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/assessments")).EnumerateArray());
    }

    [Fact]
    public async Task A_fhir_questionnaire_response_is_accepted()
    {
        var client = await SignedInAsync();

        var response = await PostAsync(client, FhirResponse, "application/fhir+json");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("muscle", body.GetProperty("primarySource").GetString());
    }

    [Fact]
    public async Task The_list_is_newest_first()
    {
        var client = await SignedInAsync();
        await PostAsync(client, Sciatica);
        await PostAsync(client, """{"sit-bone-pain": true}""");

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/assessments");

        var times = list.EnumerateArray().Select(a => a.GetProperty("takenAt").GetDateTimeOffset()).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[0] >= times[1]);
        Assert.True(list[0].GetProperty("answers").GetProperty("sit-bone-pain").GetBoolean());
    }

    [Theory]
    [InlineData("""{"pins-and-needle": true}""", "pins-and-needle")]
    [InlineData("""{"numbness": "yes"}""", "numbness")]
    [InlineData("""{"weeks-since-onset": 9999}""", "weeks-since-onset")]
    [InlineData("""{"trend": "up"}""", "trend")]
    [InlineData("""{"numbness": tru""", "$")]
    [InlineData("""{"resourceType": "Patient"}""", "$")]
    public async Task Wrong_answers_are_refused_as_problem_details_naming_the_item_and_nothing_is_stored(string json, string item)
    {
        var client = await SignedInAsync();

        var response = await PostAsync(client, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(item, out var messages), $"No error for '{item}': {problem}");
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task A_form_post_is_refused_so_other_sites_cannot_submit_for_someone()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsync("/api/v1/assessments",
            new StringContent(Sciatica, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        var client = await SignedInAsync();
        var huge = "{\"note\": \"" + new string('x', AssessmentInput.MaxBytes + 10) + "\"}";

        var response = await PostAsync(client, huge);

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task Another_persons_assessment_is_not_found_in_the_api_or_the_pages()
    {
        var owner = await SignedInAsync("ada@example.com");
        var created = await (await PostAsync(owner, Sciatica)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var stranger = await SignedInAsync("eve@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/assessments/{id}")).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/v1/assessments")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/assessment/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/assessment/{id}")).StatusCode);
    }

    [Fact]
    public async Task Signed_out_callers_can_neither_read_nor_write()
    {
        var client = App.Browser();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, Sciatica)).StatusCode);
        Assert.Equal(0, await StoredCountAsync());
    }
}
