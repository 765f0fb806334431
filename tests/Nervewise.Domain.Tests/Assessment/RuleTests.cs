using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

/// <summary>One test for each rule of shared/spec/assessment.md.</summary>
public class RuleTests
{
    // The table of shared/spec/assessment.md, copied by hand: if the rules file drifts from the contract, this fails.
    public static TheoryData<string, Urgency> SpecTable => new()
    {
        { "bladder-bowel-change", Urgency.Emergency },
        { "saddle-numbness", Urgency.Emergency },
        { "sexual-function-change", Urgency.Emergency },
        { "progressive-weakness", Urgency.Emergency },
        { "both-legs", Urgency.Today },
        { "foot-drop", Urgency.Today },
        { "fever-or-unwell", Urgency.Today },
        { "calf-swelling", Urgency.Today },
        { "weakness", Urgency.Soon },
        { "major-trauma", Urgency.Urgent },
        { "fragile-bones-minor-fall", Urgency.Urgent },
        { "suspected-tendon-tear", Urgency.Urgent },
        { "injected-drugs", Urgency.Urgent },
        { "lowered-immunity", Urgency.Urgent },
        { "unexplained-weight-loss", Urgency.Urgent },
        { "cancer-history", Urgency.Urgent },
        { "constant-night-pain", Urgency.Urgent },
    };

    /// <summary>Every red flag of the rules file, with the urgency the file gives it.</summary>
    public static TheoryData<string, Urgency> RulesFile
    {
        get
        {
            var data = new TheoryData<string, Urgency>();
            foreach (var rule in AssessmentRules.Current.RedFlags.Items)
            {
                data.Add(rule.Item, rule.Level);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SpecTable))]
    public void Each_red_flag_alone_gives_the_urgency_of_the_contract(string item, Urgency expected)
    {
        var result = Answers.Yes(item).Assess();

        Assert.Equal(expected, result.Urgency);
        Assert.Equal([new RedFlag(item, expected)], result.RedFlags);
    }

    [Theory]
    [MemberData(nameof(RulesFile))]
    public void Each_red_flag_of_the_rules_file_alone_gives_exactly_its_urgency(string item, Urgency expected)
    {
        var result = Answers.Yes(item).Assess();

        Assert.Equal(expected, result.Urgency);
        Assert.Equal([new RedFlag(item, expected)], result.RedFlags);
    }

    [Fact]
    public void The_rules_file_has_exactly_the_red_flags_of_the_contract()
    {
        var contract = SpecTable.Select(row => ((string)row[0], (Urgency)row[1])).OrderBy(r => r.Item1, StringComparer.Ordinal);
        var file = AssessmentRules.Current.RedFlags.Items.Select(r => (r.Item, r.Level)).OrderBy(r => r.Item, StringComparer.Ordinal);

        Assert.Equal(contract, file);
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

    /// <summary>Every red flag but both-legs: weakness and foot-drop are among them.</summary>
    public static TheoryData<string> OtherRedFlags => [.. SpecTable.Select(row => (string)row[0]).Where(i => i != "both-legs")];

    [Theory]
    [MemberData(nameof(OtherRedFlags))]
    public void Both_legs_with_weakness_foot_drop_or_any_other_red_flag_is_an_emergency(string other)
    {
        var result = Answers.Yes("both-legs", other).Assess();

        Assert.Equal(Urgency.Emergency, result.Urgency);
        Assert.Contains(new RedFlag("both-legs", Urgency.Emergency), result.RedFlags);
        Assert.Contains(result.RedFlags, r => r.Item == other);
    }

    [Fact]
    public void Both_legs_with_only_ordinary_nerve_features_is_today()
    {
        var result = Answers.Yes("both-legs", "pins-and-needles", "pain-below-knee").Assess();

        Assert.Equal(Urgency.Today, result.Urgency);
        Assert.Equal([new RedFlag("both-legs", Urgency.Today)], result.RedFlags);
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
    [InlineData("fever-or-unwell", ImagingAdvice.DiscussWithClinician)]
    [InlineData("calf-swelling", ImagingAdvice.DiscussWithClinician)]
    [InlineData("cancer-history", ImagingAdvice.DiscussWithClinician)]
    [InlineData("weakness", ImagingAdvice.DiscussWithClinician)]
    [InlineData("foot-drop", ImagingAdvice.DiscussWithClinician)]
    [InlineData("pins-and-needles", ImagingAdvice.NotRecommended)]
    [InlineData("distressed-by-pain", ImagingAdvice.NotRecommended)]
    public void Imaging_follows_serious_red_flags_or_a_weak_leg(string item, ImagingAdvice expected) =>
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
