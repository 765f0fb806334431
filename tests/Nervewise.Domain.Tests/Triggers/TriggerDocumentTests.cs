using System.Text.Json;
using Nervewise.Domain.Triggers;
using Nervewise.Simulation;

namespace Nervewise.Domain.Tests.Triggers;

public class TriggerDocumentTests
{
    [Fact]
    public void The_json_uses_the_contracts_field_names()
    {
        var report = TriggerAnalysis.Analyse(SyntheticDiary.Generate(Study.Planted(10, 40, 1)));

        using var json = JsonDocument.Parse(TriggerDocument.From(report).ToJson());

        var root = json.RootElement;
        Assert.Equal(40, root.GetProperty("flares").GetInt32());
        Assert.True(root.GetProperty("days").GetInt32() > 0);
        var first = root.GetProperty("triggers")[0];
        foreach (var field in new[] { "exposure", "lagStartHours", "lagEndHours", "effect", "ciLow", "ciHigh", "q", "significant", "summary" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
        Assert.True(first.GetProperty("significant").GetBoolean());
        Assert.Matches("^[a-z]+:[a-z0-9-]+$", first.GetProperty("exposure").GetString());
    }

    [Fact]
    public void A_diary_with_too_few_flare_ups_has_a_message_and_no_triggers()
    {
        var report = TriggerAnalysis.Analyse(SyntheticDiary.Generate(new DiaryScenario(60, 4, null, 3)));

        using var json = JsonDocument.Parse(TriggerDocument.From(report).ToJson());

        Assert.Equal(0, json.RootElement.GetProperty("triggers").GetArrayLength());
        Assert.Contains("flare-ups", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("flaresNeeded").GetInt32() > 4);
    }

    [Theory]
    [InlineData(4.1234, 4.12)]
    [InlineData(0.0041234, 0.00412)]
    [InlineData(123.4, 123)]
    [InlineData(0, 0)]
    public void Numbers_keep_three_significant_digits(double value, double rounded) =>
        Assert.Equal(rounded, TriggerDocument.Round(value));
}
