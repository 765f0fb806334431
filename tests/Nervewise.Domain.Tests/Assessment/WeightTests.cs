using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

/// <summary>The weights changed on 2026-11-28 (issue 13): what each change must and must not do.</summary>
public class WeightTests
{
    private static double Likelihood(Answers answers, Source source) => answers.Assess().For(source).Likelihood;

    [Fact]
    public void Tendon_shows_up_from_loaded_hip_bending_without_the_sit_bone_question()
    {
        var tendon = Answers.Yes("pain-loaded-hip-bend").Assess().For(Source.Tendon);

        Assert.True(tendon.Level >= Level.Possible, $"tendon is {tendon.Level} ({tendon.Likelihood:F2})");
        Assert.Equal(["pain-loaded-hip-bend"], tendon.Reasons);
    }

    [Fact]
    public void Low_buttock_pain_on_loading_with_a_gradual_onset_shows_tendon_even_when_the_sit_bone_is_not_where_it_hurts()
    {
        var result = Answers.Yes("pain-loaded-hip-bend", "gradual-onset-load-change").No("sit-bone-pain").Assess();

        Assert.True(result.For(Source.Tendon).Level >= Level.Possible, $"tendon is {result.For(Source.Tendon).Likelihood:F2}");
        Assert.Equal(Source.Tendon, result.PrimarySource);
    }

    [Fact]
    public void Loaded_hip_bending_does_not_raise_nerve_or_muscle()
    {
        var before = Answers.Yes("pins-and-needles");
        var after = Answers.Yes("pins-and-needles", "pain-loaded-hip-bend");

        Assert.Equal(Likelihood(before, Source.Nerve), Likelihood(after, Source.Nerve));
        Assert.Equal(Likelihood(before, Source.Muscle), Likelihood(after, Source.Muscle));
        Assert.True(Likelihood(after, Source.Tendon) > Likelihood(before, Source.Tendon));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Being_anxious_or_sickened_by_the_pain_raises_no_source(bool answer)
    {
        var without = Answers.Yes("pins-and-needles", "sit-bone-pain").Assess();
        var with = (answer ? Answers.Yes("pins-and-needles", "sit-bone-pain", "distressed-by-pain") : Answers.Yes("pins-and-needles", "sit-bone-pain").No("distressed-by-pain")).Assess();

        Assert.Equal(without.Sources.Select(s => s.Likelihood), with.Sources.Select(s => s.Likelihood));
        Assert.All(with.Sources, s => Assert.DoesNotContain("distressed-by-pain", s.Reasons));
    }

    [Fact]
    public void Pressure_on_the_sit_bone_when_sitting_raises_tendon_not_nerve()
    {
        var before = Answers.Yes("back-pain");
        var after = Answers.Yes("back-pain", "pain-sitting-on-sit-bone");

        Assert.True(Likelihood(after, Source.Tendon) > Likelihood(before, Source.Tendon));
        Assert.Equal(Likelihood(before, Source.Nerve), Likelihood(after, Source.Nerve));
        Assert.Equal(Likelihood(before, Source.Muscle), Likelihood(after, Source.Muscle));
    }

    [Fact]
    public void Pain_spreading_down_the_leg_when_slumped_raises_nerve_not_tendon()
    {
        var before = Answers.Yes("back-pain");
        var after = Answers.Yes("back-pain", "sitting-bending-worst");

        Assert.True(Likelihood(after, Source.Nerve) > Likelihood(before, Source.Nerve));
        Assert.Equal(Likelihood(before, Source.Tendon), Likelihood(after, Source.Tendon));
        Assert.Equal(Likelihood(before, Source.Muscle), Likelihood(after, Source.Muscle));
    }

    [Fact]
    public void Pressure_on_the_sit_bone_is_asked_of_everyone_so_it_counts_without_the_sit_bone_question() =>
        Assert.Contains("pain-sitting-on-sit-bone", Answers.Yes("pain-sitting-on-sit-bone").Assess().For(Source.Tendon).Reasons);

    [Fact]
    public void Every_weight_and_every_red_flag_has_its_reason_and_a_source_the_file_lists()
    {
        var rules = AssessmentRules.Current;
        var references = ReferencesOfTheRulesFile();

        Assert.All(rules.Sources.Values.SelectMany(s => s.Features), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Why), f.Item);
            Assert.NotEmpty(f.Sources);
            Assert.All(f.Sources, s => Assert.Contains(s, references));
        });
        Assert.All(RedFlags(), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Why), $"{r.Item} gives no reason for its urgency");
            Assert.NotEmpty(r.Sources);
            Assert.All(r.Sources, s => Assert.Contains(s, references));
        });
    }

    private static HashSet<string> ReferencesOfTheRulesFile() =>
        [.. RulesJson().RootElement.GetProperty("references").EnumerateObject().Select(p => p.Name)];

    private static IEnumerable<(string Item, string? Why, string[] Sources)> RedFlags() =>
        RulesJson().RootElement.GetProperty("redFlags").GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("item").GetString()!,
                r.TryGetProperty("why", out var why) ? why.GetString() : null,
                r.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToArray()));

    private static System.Text.Json.JsonDocument RulesJson()
    {
        using var stream = typeof(AssessmentRules).Assembly.GetManifestResourceStream("assessment-rules.json")!;
        return System.Text.Json.JsonDocument.Parse(stream);
    }
}
