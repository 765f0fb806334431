using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

/// <summary>
/// Clinical vignettes written by the team: how typical presentations should come out. The expected answers
/// follow the source article and the references in assessment-rules.json.
/// </summary>
public class VignetteTests
{
    public static TheoryData<string, string[], string[], string, Urgency> Vignettes => new()
    {
        // name, yes, no, expected primary source, expected urgency
        { "desk worker, classic sciatica", ["pins-and-needles", "pain-below-knee", "sitting-bending-worst", "back-pain", "delayed-unpredictable"], [], "nerve", Urgency.Routine },
        { "runner, numb foot and burning calf", ["numbness", "burning-shooting", "pain-below-knee", "heavy-leg"], ["sudden-onset-in-activity"], "nerve", Urgency.Routine },
        { "dancer, deep buttock pain worse after long sitting", ["buttock-pain", "sitting-bending-worst", "sustained-aggravates", "worse-at-night", "burning-shooting", "no-clear-cause"], ["sit-bone-pain"], "nerve", Urgency.Routine },
        { "nerve pain that flares when run down", ["pins-and-needles", "worse-when-run-down", "distressed-by-pain", "delayed-unpredictable"], [], "nerve", Urgency.Routine },
        { "nerve pain with stable weakness", ["weakness", "pins-and-needles", "pain-below-knee"], ["progressive-weakness"], "nerve", Urgency.Soon },
        { "sprinter, pop at top speed with bruising", ["sudden-onset-in-activity", "bruising", "local-tender-spot", "pain-on-contraction"], ["pain-below-knee"], "muscle", Urgency.Routine },
        { "footballer, pull while kicking", ["sudden-onset-in-activity", "pain-on-contraction", "local-pain-on-stretch"], ["pins-and-needles", "numbness"], "muscle", Urgency.Routine },
        { "splits stretch, sharp pain at one spot", ["sudden-onset-in-activity", "local-pain-on-stretch", "local-tender-spot"], [], "muscle", Urgency.Routine },
        { "hill runner, sit-bone pain on hard chairs", ["sit-bone-pain", "pain-sitting-on-sit-bone", "gradual-onset-load-change", "warms-up-with-activity"], ["sudden-onset-in-activity"], "tendon", Urgency.Routine },
        { "pole athlete, sit-bone pain after deep stretching", ["sit-bone-pain", "gradual-onset-load-change"], ["pain-below-knee", "pins-and-needles"], "tendon", Urgency.Routine },
        { "tendon pain that warms up", ["sit-bone-pain", "warms-up-with-activity", "pain-sitting-on-sit-bone"], [], "tendon", Urgency.Routine },
        { "nothing clear yet", ["deep-ache"], [], "unclear", Urgency.Routine },
        { "blank questionnaire", [], [], "unclear", Urgency.Routine },
        { "bladder change with sciatica", ["bladder-bowel-change", "pins-and-needles", "pain-below-knee"], [], "nerve", Urgency.Emergency },
        { "saddle numbness alone", ["saddle-numbness"], [], "unclear", Urgency.Emergency },
        { "new sexual dysfunction", ["sexual-function-change", "back-pain"], [], "unclear", Urgency.Emergency },
        { "weakness getting worse", ["weakness", "progressive-weakness", "numbness"], [], "nerve", Urgency.Emergency },
        { "both legs tingling", ["both-legs", "pins-and-needles"], [], "nerve", Urgency.Urgent },
        { "both legs with weakness", ["both-legs", "weakness", "pins-and-needles"], [], "nerve", Urgency.Emergency },
        { "after a car crash", ["major-trauma", "back-pain", "pain-below-knee"], [], "nerve", Urgency.Urgent },
        { "fever with back pain", ["fever-or-unwell", "back-pain"], [], "unclear", Urgency.Urgent },
        { "weight loss and night pain", ["unexplained-weight-loss", "constant-night-pain"], [], "unclear", Urgency.Urgent },
        { "past cancer with new leg pain", ["cancer-history", "pain-below-knee", "numbness"], [], "nerve", Urgency.Urgent },
    };

    public static TheoryData<string, string[], Source[]> Mixed => new()
    {
        { "sciatica and tendon together", ["pins-and-needles", "pain-below-knee", "sit-bone-pain", "pain-sitting-on-sit-bone"], [Source.Nerve, Source.Tendon] },
        { "strain that irritated the nerve", ["sudden-onset-in-activity", "bruising", "local-tender-spot", "numbness", "pain-below-knee"], [Source.Muscle, Source.Nerve] },
    };

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void A_typical_presentation_comes_out_as_expected(string name, string[] yes, string[] no, string primary, Urgency urgency)
    {
        var document = AssessmentDocument.From(Answers.Yes(yes).No(no).Assess());

        Assert.True(primary == document.PrimarySource, $"{name}: expected {primary}, got {document.PrimarySource} ({Describe(document)})");
        Assert.Equal(Names.Of(urgency), document.Urgency);
    }

    [Theory]
    [MemberData(nameof(Mixed))]
    public void A_mixed_presentation_names_both_sources(string name, string[] yes, Source[] sources)
    {
        var result = Answers.Yes(yes).Assess();

        Assert.True(result.Mixed, name);
        Assert.All(sources, s => Assert.True(result.For(s).Level >= Level.Possible, $"{name}: {s} is {result.For(s).Level}"));
    }

    private static string Describe(AssessmentDocument d) =>
        string.Join(", ", d.Sources.Select(s => $"{s.Source} {s.Likelihood:F2} {s.Level}"));
}
