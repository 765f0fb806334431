using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Domain.Tests.Assessment;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

/// <summary>The plan's JSON (cli.md): <c>urgency</c> and the warning signs behind it come with seek-help, and only then.</summary>
public sealed class PlanDocumentTests
{
    private static DiaryBuilder Sliders(int days) =>
        new DiaryBuilder().Mornings(-7, days, 2).Sessions(0, days - 1, "slump-slider", 2);

    private static JsonElement Json(PlanResult result) => JsonDocument.Parse(PlanDocument.From(result).ToJson()).RootElement.Clone();

    [Fact]
    public void Seek_help_holds_the_urgency_and_each_warning_sign_with_where_and_when_it_was_seen()
    {
        var diary = Sliders(20).Symptom(18, 9, "foot-drop").Build();
        var assessment = new AssessmentTaken(Answers.Yes("cancer-history").Build(), At(10, 12));
        var now = At(19, 9);

        var json = Json(PlanEngine.Decide(diary, PlanSettings.None, new FakeTimeProvider(now), safety: SafetyState.Of(assessment, diary, now)));

        Assert.Equal(("seek-help", "today"), (json.GetProperty("decision").GetString(), json.GetProperty("urgency").GetString()));
        var reasons = json.GetProperty("safetyReasons").EnumerateArray()
            .Select(r => (r.GetProperty("item").GetString(), r.GetProperty("urgency").GetString(), r.GetProperty("from").GetString(), r.GetProperty("time").GetString()))
            .ToList();
        Assert.Equal([("foot-drop", "today", "diary", "2026-03-20T09:00:00+01:00"), ("cancer-history", "urgent", "assessment", "2026-03-12T12:00:00+01:00")], reasons);
        Assert.Equal(WarningSigns.Says("foot-drop"), json.GetProperty("safetyReasons")[0].GetProperty("says").GetString());
    }

    [Fact]
    public void Without_a_warning_sign_the_fields_are_left_out_and_the_contracts_fields_stay()
    {
        var json = Json(PlanEngine.Decide(Sliders(20).Build(), PlanSettings.None, new FakeTimeProvider(At(19, 9))));

        Assert.Equal("progress", json.GetProperty("decision").GetString());
        Assert.False(json.TryGetProperty("urgency", out _));
        Assert.False(json.TryGetProperty("safetyReasons", out _));
        foreach (var field in new[] { "stage", "decision", "nextStage", "predictability", "reasons" })
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }
    }
}
