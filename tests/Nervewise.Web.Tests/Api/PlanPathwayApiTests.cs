using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Api;

public sealed class PlanPathwayApiTestsOnSqlite() : PlanPathwayApiTests(DatabaseProvider.Sqlite);

public sealed class PlanPathwayApiTestsOnPostgres() : PlanPathwayApiTests(DatabaseProvider.Postgres);

/// <summary>The plan API with pathways (issue 14): the plan names its pathway, settings choose pathway and stage.</summary>
public abstract class PlanPathwayApiTests(DatabaseProvider provider) : AppTest(provider)
{
    public static readonly Dictionary<string, object> TendonAnswers = new()
    {
        ["sit-bone-pain"] = true, ["pain-sitting-on-sit-bone"] = true, ["gradual-onset-load-change"] = true, ["warms-up-with-activity"] = true,
    };

    public static readonly Dictionary<string, object> StrainAnswers = new()
    {
        ["sudden-onset-in-activity"] = true, ["bruising"] = true, ["local-tender-spot"] = true, ["pain-on-contraction"] = true,
    };

    private readonly FakeTimeProvider _clock = Clock(16, 9);

    private async Task<HttpClient> SignedInAsync(string email = "ada@example.com")
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync(email);
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(HttpClient client, string json)
    {
        var response = await client.PutAsync("/api/v1/plan/settings", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<Guid> AssessAsync(HttpClient client, Dictionary<string, object> answers)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/assessments", answers);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string[] Errors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task A_tendon_assessment_gives_a_plan_that_names_its_pathway_and_its_own_exercises()
    {
        var client = await SignedInAsync();
        await AssessAsync(client, TendonAnswers);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan");

        var plan = json.GetProperty("plan");
        Assert.Equal(("tendon", "isometric"), (plan.GetProperty("pathway").GetString(), plan.GetProperty("stage").GetString()));
        Assert.Contains("sit-bone tendon", plan.GetProperty("pathwayNote").GetString(), StringComparison.Ordinal);
        Assert.False(plan.GetProperty("doseCut").GetBoolean());
        var exercises = plan.GetProperty("exercises").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(RehabRules.Current.For(Pathway.Tendon, Stage.Isometric).Plan.Select(i => i.Exercise), exercises);
        Assert.All(exercises, id => Assert.Equal("tendon", RehabRules.Current.FindExercise(id!)!.Pathway));
        Assert.Equal(JsonValueKind.Array, plan.GetProperty("precautions").ValueKind);
        Assert.Equal(JsonValueKind.Array, plan.GetProperty("ideas").ValueKind);
        Assert.Contains(json.GetProperty("week").EnumerateArray().SelectMany(d => d.GetProperty("sessions").EnumerateArray()),
            s => s.GetProperty("exercise").GetString() == exercises[0]);
    }

    [Fact]
    public async Task Settings_choose_a_pathway_with_its_stage_and_the_plan_and_history_follow()
    {
        var client = await SignedInAsync();

        var (status, body) = await PutAsync(client, """{"pathway": "muscle", "stage": "strengthen"}""");
        var plan = (await client.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("muscle", "strengthen"), (body.GetProperty("pathway").GetString(), body.GetProperty("stage").GetString()));
        Assert.Equal(RehabRules.Current.DefaultPainLevel(Pathway.Muscle), body.GetProperty("defaultAgreedPainLevel").GetInt32());
        Assert.Equal(["pathway", "stage"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("field").GetString()).Order());
        Assert.Contains(body.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "pathway" && h.GetProperty("to").GetString() == "muscle");
        Assert.Equal(("muscle", "strengthen", false), (plan.GetProperty("pathway").GetString(), plan.GetProperty("stage").GetString(), plan.GetProperty("stageFromDiary").GetBoolean()));
    }

    [Fact]
    public async Task A_pathway_alone_lets_the_diary_pick_its_stage_and_null_hands_both_back()
    {
        var client = await SignedInAsync();
        await PutAsync(client, """{"pathway": "nerve", "stage": "sliders"}""");

        var (_, tendon) = await PutAsync(client, """{"pathway": "tendon"}""");
        var onTendon = (await client.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan");
        var (_, followed) = await PutAsync(client, """{"pathway": null}""");

        Assert.Equal(("tendon", JsonValueKind.Null), (tendon.GetProperty("pathway").GetString(), tendon.GetProperty("stage").ValueKind));
        Assert.Equal(("tendon", "isometric"), (onTendon.GetProperty("pathway").GetString(), onTendon.GetProperty("stage").GetString()));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (followed.GetProperty("pathway").ValueKind, followed.GetProperty("stage").ValueKind));
    }

    [Fact]
    public async Task An_unknown_pathway_or_a_stage_of_another_pathway_is_refused_listing_the_valid_values()
    {
        var client = await SignedInAsync();

        var (unknown, unknownProblem) = await PutAsync(client, """{"pathway": "knee", "stage": "isometric"}""");
        var (mismatch, mismatchProblem) = await PutAsync(client, """{"pathway": "tendon", "stage": "sliders"}""");
        var (noPathway, noPathwayProblem) = await PutAsync(client, """{"pathway": null, "stage": "sliders"}""");
        await PutAsync(client, """{"pathway": "muscle", "stage": "protect"}""");
        var (pinned, pinnedProblem) = await PutAsync(client, """{"stage": "isometric"}""");
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan/settings");

        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal(["pathway"], unknownProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("must be one of nerve, muscle, tendon", Errors(unknownProblem, "pathway")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch);
        Assert.StartsWith("must be a stage of the tendon pathway: isometric, slow-heavy, energy-storage, full-training", Errors(mismatchProblem, "stage")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noPathway);
        Assert.Contains("needs a pathway", Errors(noPathwayProblem, "stage")[0], StringComparison.Ordinal);
        // A stage alone is read against the pathway already chosen.
        Assert.Equal(HttpStatusCode.BadRequest, pinned);
        Assert.Contains("muscle pathway: protect, strengthen, lengthen, running, full-training", Errors(pinnedProblem, "stage")[0], StringComparison.Ordinal);
        Assert.Equal(("muscle", "protect"), (settings.GetProperty("pathway").GetString(), settings.GetProperty("stage").GetString()));
        Assert.Equal(2, settings.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_stage_alone_on_an_unpinned_plan_keeps_to_its_own_pathway_as_before_pathways()
    {
        var client = await SignedInAsync();

        var (status, body) = await PutAsync(client, """{"stage": "sliders"}""");
        var (_, full) = await PutAsync(client, """{"stage": "full-training"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("nerve", "sliders"), (body.GetProperty("pathway").GetString(), body.GetProperty("stage").GetString()));
        Assert.Equal(("nerve", "full-training"), (full.GetProperty("pathway").GetString(), full.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task The_plan_can_be_asked_about_another_pathway_and_a_wrong_one_is_refused()
    {
        var client = await SignedInAsync();
        await client.SlidersAsync(16);

        var asked = (await client.GetFromJsonAsync<JsonElement>("/api/v1/plan?pathway=muscle&stage=lengthen")).GetProperty("plan");
        var wrongStage = await client.GetAsync("/api/v1/plan?pathway=muscle&stage=sliders");
        var wrongPathway = await client.GetAsync("/api/v1/plan?pathway=hip");
        var plain = (await client.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan");

        Assert.Equal(("muscle", "lengthen"), (asked.GetProperty("pathway").GetString(), asked.GetProperty("stage").GetString()));
        Assert.Contains(asked.GetProperty("exercises").EnumerateArray(), e => e.GetProperty("id").GetString() == "l-extender");
        Assert.Equal(HttpStatusCode.BadRequest, wrongStage.StatusCode);
        Assert.Equal("application/problem+json", wrongStage.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("must be a stage of the muscle pathway: protect", Errors(await wrongStage.Content.ReadFromJsonAsync<JsonElement>(), "stage")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPathway.StatusCode);
        Assert.StartsWith("must be one of nerve, muscle, tendon", Errors(await wrongPathway.Content.ReadFromJsonAsync<JsonElement>(), "pathway")[0], StringComparison.Ordinal);
        // Asking changes nothing.
        Assert.Equal(("nerve", "sliders"), (plain.GetProperty("pathway").GetString(), plain.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task A_new_assessment_moves_a_pinned_plan_to_the_new_sources_pathway_and_the_history_keeps_it()
    {
        var client = await SignedInAsync();
        await AssessAsync(client, TendonAnswers);
        await PutAsync(client, """{"pathway": "tendon", "stage": "slow-heavy"}""");
        _clock.Advance(TimeSpan.FromDays(2));

        var id = await AssessAsync(client, StrainAnswers);
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan/settings");
        var plan = (await client.GetFromJsonAsync<JsonElement>("/api/v1/plan")).GetProperty("plan");
        var result = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/assessment/{id}"));

        Assert.Equal(("muscle", "protect"), (settings.GetProperty("pathway").GetString(), settings.GetProperty("stage").GetString()));
        var moves = settings.GetProperty("history").EnumerateArray()
            .Where(h => h.GetProperty("changedAt").GetString() == settings.GetProperty("history")[0].GetProperty("changedAt").GetString())
            .Select(h => (h.GetProperty("changedBy").GetString(), h.GetProperty("field").GetString(), h.GetProperty("from").GetString(), h.GetProperty("to").GetString()))
            .ToList();
        Assert.Contains(("self", "pathway", "tendon", "muscle"), moves);
        Assert.Contains(("self", "stage", "slow-heavy", "protect"), moves);
        Assert.Equal(("muscle", "protect"), (plan.GetProperty("pathway").GetString(), plan.GetProperty("stage").GetString()));
        Assert.Contains("Your plan now: the hamstring strain pathway", result, StringComparison.Ordinal);
        Assert.Contains("your plan has moved from the sit-bone tendon pathway to the hamstring strain pathway", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_assessment_of_the_same_source_leaves_a_pinned_plan_alone()
    {
        var client = await SignedInAsync();
        await PutAsync(client, """{"pathway": "tendon", "stage": "slow-heavy"}""");

        var id = await AssessAsync(client, TendonAnswers);
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan/settings");
        var result = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/assessment/{id}"));

        Assert.Equal(("tendon", "slow-heavy"), (settings.GetProperty("pathway").GetString(), settings.GetProperty("stage").GetString()));
        Assert.Equal(2, settings.GetProperty("history").GetArrayLength());
        Assert.Contains("Your plan now: the sit-bone tendon pathway, at the step \"slow heavy lifts\".", result, StringComparison.Ordinal);
        Assert.DoesNotContain("has moved", result, StringComparison.Ordinal);
    }
}
