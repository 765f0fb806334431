using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

/// <summary>One test for each rule of shared/spec/assessment.md.</summary>
public class RuleTests
{
    [Theory]
    [InlineData("bladder-bowel-change", Urgency.Emergency)]
    [InlineData("saddle-numbness", Urgency.Emergency)]
    [InlineData("sexual-function-change", Urgency.Emergency)]
    [InlineData("progressive-weakness", Urgency.Emergency)]
    [InlineData("both-legs", Urgency.Urgent)]
    [InlineData("major-trauma", Urgency.Urgent)]
    [InlineData("fever-or-unwell", Urgency.Urgent)]
    [InlineData("unexplained-weight-loss", Urgency.Urgent)]
    [InlineData("cancer-history", Urgency.Urgent)]
    [InlineData("constant-night-pain", Urgency.Urgent)]
    [InlineData("weakness", Urgency.Soon)]
    public void Each_red_flag_alone_gives_its_urgency(string item, Urgency expected)
    {
        var result = Answers.Yes(item).Assess();

        Assert.Equal(expected, result.Urgency);
        Assert.Equal([new RedFlag(item, expected)], result.RedFlags);
    }

    [Fact]
    public void No_red_flag_means_routine() => Assert.Equal(Urgency.Routine, Answers.Yes("pins-and-needles").Assess().Urgency);

    [Fact]
    public void Red_flags_answered_no_raise_nothing()
    {
        var result = Answers.None.No("bladder-bowel-change", "saddle-numbness", "both-legs", "weakness").Assess();

        Assert.Empty(result.RedFlags);
        Assert.Equal(Urgency.Routine, result.Urgency);
    }

    [Theory]
    [InlineData("weakness")]
    [InlineData("major-trauma")]
    [InlineData("cancer-history")]
    [InlineData("constant-night-pain")]
    public void Both_legs_with_weakness_or_another_red_flag_is_an_emergency(string other)
    {
        var result = Answers.Yes("both-legs", other).Assess();

        Assert.Equal(Urgency.Emergency, result.Urgency);
        Assert.Contains(new RedFlag("both-legs", Urgency.Emergency), result.RedFlags);
    }

    [Fact]
    public void Both_legs_with_only_ordinary_nerve_features_stays_urgent()
    {
        var result = Answers.Yes("both-legs", "pins-and-needles", "pain-below-knee").Assess();

        Assert.Equal(Urgency.Urgent, result.Urgency);
    }

    [Fact]
    public void The_overall_urgency_is_the_highest_of_the_red_flags()
    {
        var result = Answers.Yes("weakness", "cancer-history", "saddle-numbness").Assess();

        Assert.Equal(Urgency.Emergency, result.Urgency);
        Assert.Equal(3, result.RedFlags.Count);
    }

    [Theory]
    [InlineData(7, ImagingAdvice.NotRecommended)]
    [InlineData(8, ImagingAdvice.DiscussWithClinician)]
    [InlineData(30, ImagingAdvice.DiscussWithClinician)]
    public void Imaging_is_worth_discussing_from_8_weeks_of_rehab_without_improvement(int weeks, ImagingAdvice expected) =>
        Assert.Equal(expected, Answers.Yes("pins-and-needles").RehabWeeks(weeks).Assess().Imaging);

    [Theory]
    [InlineData("major-trauma", ImagingAdvice.DiscussWithClinician)]
    [InlineData("bladder-bowel-change", ImagingAdvice.DiscussWithClinician)]
    [InlineData("weakness", ImagingAdvice.NotRecommended)]
    public void Imaging_follows_urgent_or_emergency_red_flags_only(string item, ImagingAdvice expected) =>
        Assert.Equal(expected, Answers.Yes(item).Assess().Imaging);

    [Fact]
    public void Imaging_is_not_recommended_without_a_reason() =>
        Assert.Equal(ImagingAdvice.NotRecommended, Answers.None.Assess().Imaging);

    [Fact]
    public void With_no_features_the_source_is_unclear_and_not_mixed()
    {
        var result = Answers.None.Assess();

        Assert.Null(result.PrimarySource);
        Assert.False(result.Mixed);
        Assert.All(result.Sources, s => Assert.Equal(Level.Unlikely, s.Level));
        Assert.Equal("unclear", AssessmentDocument.From(result).PrimarySource);
    }

    [Fact]
    public void Not_answered_differs_from_no()
    {
        var notAnswered = Answers.Yes("numbness").Assess().For(Source.Nerve).Likelihood;
        var saidNo = Answers.Yes("numbness").No("pins-and-needles", "pain-below-knee").Assess().For(Source.Nerve).Likelihood;

        Assert.True(saidNo < notAnswered, $"'no' ({saidNo:F2}) should weigh against the nerve, unlike not answering ({notAnswered:F2}).");
    }

    [Fact]
    public void Two_likely_or_possible_sources_are_mixed()
    {
        var result = Answers.Yes("pins-and-needles", "pain-below-knee", "sit-bone-pain", "pain-sitting-on-sit-bone").Assess();

        Assert.True(result.Mixed);
        Assert.True(result.For(Source.Nerve).Level >= Level.Possible);
        Assert.True(result.For(Source.Tendon).Level >= Level.Possible);
    }

    [Fact]
    public void Reasons_are_the_items_that_raised_the_source_strongest_first()
    {
        var nerve = Answers.Yes("deep-ache", "pins-and-needles", "sitting-bending-worst", "sit-bone-pain").Assess().For(Source.Nerve);

        Assert.Equal(["pins-and-needles", "sitting-bending-worst", "deep-ache"], nerve.Reasons);
    }

    [Fact]
    public void The_document_spells_values_as_the_contract_does()
    {
        var document = AssessmentDocument.From(Answers.Yes("weakness", "pins-and-needles", "pain-below-knee").RehabWeeks(9).Assess());

        Assert.Equal("nerve", document.PrimarySource);
        Assert.Equal(["nerve", "muscle", "tendon"], document.Sources.Select(s => s.Source));
        Assert.Equal("soon", document.Urgency);
        Assert.Equal("discuss-with-clinician", document.Imaging);
        Assert.Equal([new AssessmentDocument.RedFlagEntry("weakness", "soon")], document.RedFlags);
        Assert.Contains("\"primarySource\": \"nerve\"", document.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_document_reads_back_as_the_same_result()
    {
        var result = Answers.Yes("both-legs", "weakness", "sit-bone-pain", "pins-and-needles").RehabWeeks(2).Assess();

        var again = AssessmentDocument.From(result).ToResult();

        Assert.Equal(result.PrimarySource, again.PrimarySource);
        Assert.Equal(result.Urgency, again.Urgency);
        Assert.Equal(result.Imaging, again.Imaging);
        Assert.Equal(result.RedFlags, again.RedFlags);
        Assert.Equal(result.Sources.Select(s => (s.Source, s.Level, string.Join(",", s.Reasons))),
            again.Sources.Select(s => (s.Source, s.Level, string.Join(",", s.Reasons))));
    }
}
