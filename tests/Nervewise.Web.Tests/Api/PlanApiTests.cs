using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Api;

public sealed class PlanApiTestsOnSqlite() : PlanApiTests(DatabaseProvider.Sqlite);

public sealed class PlanApiTestsOnPostgres() : PlanApiTests(DatabaseProvider.Postgres);

public abstract class PlanApiTests(DatabaseProvider provider) : AppTest(provider)
{
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

    [Fact]
    public async Task The_plan_answers_with_the_contracts_fields_and_the_week()
    {
        var client = await SignedInAsync();
        await client.SlidersAsync(16);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan");

        var plan = json.GetProperty("plan");
        Assert.Equal("sliders", plan.GetProperty("stage").GetString());
        Assert.Equal("progress", plan.GetProperty("decision").GetString());
        Assert.Equal("tensioners", plan.GetProperty("nextStage").GetString());
        Assert.Equal(1, plan.GetProperty("predictability").GetDouble());
        Assert.StartsWith("17 days of slider sessions", plan.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("2027-03-15", json.GetProperty("weekOf").GetString());
        var week = json.GetProperty("week").EnumerateArray().ToList();
        Assert.Equal(7, week.Count);
        var monday = week[0].GetProperty("sessions").EnumerateArray().ToList();
        Assert.Contains(monday, s => s.GetProperty("exercise").GetString() == "slump-slider" && s.GetProperty("painDuring").GetDecimal() == 2);
    }

    [Fact]
    public async Task A_stage_can_be_asked_about_and_a_wrong_one_is_refused_naming_the_field()
    {
        var client = await SignedInAsync();
        await client.SlidersAsync(16);

        var asked = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan?stage=tensioners");
        var refused = await client.GetAsync("/api/v1/plan?stage=floss");

        Assert.Equal(("tensioners", "hold"), (asked.GetProperty("plan").GetProperty("stage").GetString(), asked.GetProperty("plan").GetProperty("decision").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("must be a stage of a pathway (nerve: settle, general-movement", problem.GetProperty("errors").GetProperty("stage")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("saddle-numbness", "emergency", true)]
    [InlineData("injected-drugs", "urgent", true)]
    [InlineData("weakness", "soon", false)]
    public async Task A_warning_sign_adds_its_urgency_and_reasons_and_every_earlier_field_stays(string item, string urgency, bool paused)
    {
        var client = await SignedInAsync();
        await client.SlidersAsync(16);
        await client.PostAsync(At(15, 21), "symptom", item, 2);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan");
        var asked = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan?stage=tensioners");

        var plan = json.GetProperty("plan");
        foreach (var field in new[] { "pathway", "stage", "decision", "nextStage", "predictability", "reasons", "predictabilityBasis", "stageFromDiary", "stageSince", "agreedPainLevel", "asOf", "unlocks" })
        {
            Assert.True(plan.TryGetProperty(field, out _), field);
        }
        // cli.md: nextStage is null unless the plan moves; the stage it holds at is still named.
        Assert.Equal(("seek-help", urgency, null, "sliders"),
            (plan.GetProperty("decision").GetString(), plan.GetProperty("urgency").GetString(), plan.GetProperty("nextStage").GetString(), plan.GetProperty("stage").GetString()));
        var reason = Assert.Single(plan.GetProperty("safetyReasons").EnumerateArray());
        Assert.Equal((item, "diary", "2027-03-16T21:00:00+01:00"), (reason.GetProperty("item").GetString(), reason.GetProperty("from").GetString(), reason.GetProperty("time").GetString()));
        Assert.Equal(paused, json.GetProperty("exercisesPaused").GetBoolean());
        foreach (var answer in new[] { json, asked })
        {
            Assert.Equal(7, answer.GetProperty("week").GetArrayLength());
            Assert.Equal(paused, answer.GetProperty("week").EnumerateArray().All(d => d.GetProperty("sessions").GetArrayLength() == 0));
        }
        Assert.Equal(("seek-help", urgency), (asked.GetProperty("plan").GetProperty("decision").GetString(), asked.GetProperty("plan").GetProperty("urgency").GetString()));
    }

    [Theory]
    [InlineData("GET", "/api/v1/plan")]
    [InlineData("GET", "/api/v1/plan/settings")]
    [InlineData("PUT", "/api/v1/plan/settings")]
    public async Task Signed_out_callers_get_401(string method, string url)
    {
        var response = await App.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { agreedPainLevel = 2 }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Settings_change_field_by_field_and_the_plan_follows_them()
    {
        var client = await SignedInAsync();
        await client.SlidersAsync(16);

        var (status, body) = await PutAsync(client, """{"agreedPainLevel": 1, "doses": {"slump-slider": {"reps": 8, "perWeek": 7}}}""");
        var plan = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("agreedPainLevel").GetInt32());
        Assert.Equal(3, body.GetProperty("defaultAgreedPainLevel").GetInt32());
        Assert.Equal(8, body.GetProperty("doses").GetProperty("slump-slider").GetProperty("reps").GetInt32());
        Assert.Equal(["doses.slump-slider", "agreedPainLevel"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("field").GetString()).Order().Reverse());
        Assert.All(body.GetProperty("history").EnumerateArray(), h => Assert.Equal("self", h.GetProperty("changedBy").GetString()));
        // Pain during 2/10 is now above the agreed level, with the mornings settled: the dose is cut within the stage
        // before any step back (issue 14).
        Assert.Equal(("hold", true), (plan.GetProperty("plan").GetProperty("decision").GetString(), plan.GetProperty("plan").GetProperty("doseCut").GetBoolean()));
        Assert.All(plan.GetProperty("week").EnumerateArray(), d => Assert.Contains(d.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("exercise").GetString() == "slump-slider" && s.GetProperty("ownDose").GetBoolean()));
    }

    [Fact]
    public async Task Doses_change_one_exercise_at_a_time_and_can_go_back_to_the_plans()
    {
        var client = await SignedInAsync();

        await PutAsync(client, """{"doses": {"slump-slider": {"reps": 8}}}""");
        var (_, both) = await PutAsync(client, """{"doses": {"slr-slider": {"perWeek": 2}}}""");
        var (_, one) = await PutAsync(client, """{"doses": {"slump-slider": {}}}""");
        var (_, none) = await PutAsync(client, """{"doses": null}""");

        Assert.Equal(["slr-slider", "slump-slider"], both.GetProperty("doses").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["slr-slider"], one.GetProperty("doses").EnumerateObject().Select(p => p.Name));
        Assert.Empty(none.GetProperty("doses").EnumerateObject());
    }

    [Fact]
    public async Task Wrong_settings_are_refused_naming_every_field_and_nothing_changes()
    {
        var client = await SignedInAsync();

        var (shape, shapeProblem) = await PutAsync(client, """{"stage": "up", "agreedPainLevel": "high", "colour": "red", "doses": {"slump-slider": {"speed": 2, "reps": "ten"}}}""");
        var (range, rangeProblem) = await PutAsync(client, """{"agreedPainLevel": 9, "doses": {"slump-slider": {"reps": 0}, "cartwheel": {"minutes": 5}}}""");
        var (array, _) = await PutAsync(client, "[1, 2]");
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/v1/plan/settings");

        Assert.Equal(HttpStatusCode.BadRequest, shape);
        Assert.Equal(["agreedPainLevel", "colour", "doses.slump-slider.reps", "doses.slump-slider.speed", "stage"],
            shapeProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, range);
        Assert.Equal(["agreedPainLevel", "doses.cartwheel", "doses.slump-slider.reps"], rangeProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("must be a whole number from 0 to 5, not 9", rangeProblem.GetProperty("errors").GetProperty("agreedPainLevel")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, array);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("agreedPainLevel").ValueKind);
        Assert.Empty(settings.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Each_person_sees_and_changes_only_their_own_plan()
    {
        var ada = await SignedInAsync();
        await ada.SlidersAsync(16);
        var eve = await SignedInAsync("eve@example.com");

        var (status, _) = await PutAsync(eve, """{"stage": "full-training", "agreedPainLevel": 5}""");
        var adaSettings = await ada.GetFromJsonAsync<JsonElement>("/api/v1/plan/settings");
        var adaPlan = await ada.GetFromJsonAsync<JsonElement>("/api/v1/plan");
        var evePlan = await eve.GetFromJsonAsync<JsonElement>("/api/v1/plan");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(adaSettings.GetProperty("history").EnumerateArray());
        Assert.Equal("sliders", adaPlan.GetProperty("plan").GetProperty("stage").GetString());
        Assert.Equal(("full-training", 5), (evePlan.GetProperty("plan").GetProperty("stage").GetString(), evePlan.GetProperty("plan").GetProperty("agreedPainLevel").GetInt32()));
        Assert.All(evePlan.GetProperty("week").EnumerateArray().SelectMany(d => d.GetProperty("sessions").EnumerateArray()),
            s => Assert.Equal(JsonValueKind.Null, s.GetProperty("painDuring").ValueKind));
    }
}
