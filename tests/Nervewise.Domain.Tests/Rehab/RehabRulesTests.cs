using System.Text.Json.Nodes;
using Nervewise.Domain.Rehab;

namespace Nervewise.Domain.Tests.Rehab;

public sealed class RehabRulesTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    private static string File()
    {
        using var stream = typeof(RehabRules).Assembly.GetManifestResourceStream("rehab-plan.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public void The_stages_are_the_contracts_in_order_each_with_an_aim_and_a_way_in_and_out()
    {
        Assert.Equal(["settle", "general-movement", "sliders", "tensioners", "provocation", "full-training"], Rules.Stages.Where(s => s.Pathway == "nerve").Select(s => s.Id));
        Assert.Equal(["protect", "strengthen", "lengthen", "running", "full-training"], Rules.Stages.Where(s => s.Pathway == "muscle").Select(s => s.Id));
        Assert.Equal(["isometric", "slow-heavy", "energy-storage", "full-training"], Rules.Stages.Where(s => s.Pathway == "tendon").Select(s => s.Id));
        Assert.Equal(["nerve", "muscle", "tendon"], Rules.Pathways.Select(p => p.Id));
        Assert.All(Rules.Stages, s => Assert.All(new[] { s.Name, s.Aim, s.Entry, s.Exit }, text => Assert.False(string.IsNullOrWhiteSpace(text))));
    }

    [Fact]
    public void Every_exercise_has_steps_a_dose_and_reasons_with_sources()
    {
        Assert.All(Rules.Exercises, e =>
        {
            Assert.InRange(e.Steps.Count, 3, 10);
            Assert.InRange(e.Dose.Minutes, 1, 180);
            Assert.NotEmpty(e.Sources);
            Assert.All(e.Sources, s => Assert.True(Rules.References.ContainsKey(s), s));
        });
    }

    [Fact]
    public void The_contracts_defaults_are_the_files()
    {
        Assert.Equal(3, Rules.PainRules.AgreedPainLevel.Value);
        Assert.Equal(48, Rules.PainRules.FlareWindowHours.Whole);
        Assert.Equal(14, Rules.Decisions.RunDays.Whole);
    }

    [Theory]
    [InlineData("painRules.flareWindowHours.sources", "[\"nobody\"]", "painRules.flareWindowHours names no source")]
    [InlineData("decisions.runDays.why", "\"\"", "decisions.runDays has no reasoning")]
    [InlineData("painRules.agreedPainLevel.value", "7", "agreedPainLevel must lie within lowest and highest")]
    [InlineData("stages.2.plan.0.exercise", "\"slump-glider\"", "plans 'slump-glider', which is not an exercise")]
    [InlineData("exercises.2.stage", "\"tensioners\"", "but its name says sliders")]
    [InlineData("exercises.2.dose.reps", "0", "exercise slump-slider: reps must be from 1 to 50")]
    [InlineData("stages.0.id", "\"calm\"", "stages must be settle, general-movement")]
    public void A_mistake_in_the_data_file_stops_it_loading_with_a_message_naming_it(string path, string value, string message)
    {
        var root = JsonNode.Parse(File())!;
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node![index] : node![part];
        }
        node![parts[^1]] = JsonNode.Parse(value);

        var error = Assert.Throws<InvalidOperationException>(() => RehabRules.Read(root.ToJsonString()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_settings_are_checked_field_by_field()
    {
        var settings = new PlanSettings(AgreedPainLevel: 6, Doses: new Dictionary<string, DoseOverride>
        {
            ["slump-slider"] = new(Reps: 0, PerWeek: 8),
            ["slump-glider"] = new(Minutes: 5),
        });

        var errors = settings.Check(Rules).ToDictionary(e => e.Column, e => e.Message);

        Assert.Equal("must be a whole number from 0 to 5, not 6", errors["agreedPainLevel"]);
        Assert.Equal("must be from 1 to 50, not 0", errors["doses.slump-slider.reps"]);
        Assert.Equal("must be from 1 to 7, not 8", errors["doses.slump-slider.perWeek"]);
        Assert.StartsWith("'slump-glider' is not an exercise of the plan", errors["doses.slump-glider"], StringComparison.Ordinal);
        Assert.Empty(new PlanSettings(AgreedPainLevel: 5).Check(Rules));
    }
}
