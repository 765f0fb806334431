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
        { "both legs tingling", ["both-legs", "pins-and-needles"], [], "nerve", Urgency.Today },
        { "both legs with weakness", ["both-legs", "weakness", "pins-and-needles"], [], "nerve", Urgency.Emergency },
        { "after a car crash", ["major-trauma", "back-pain", "pain-below-knee"], [], "nerve", Urgency.Urgent },
        { "fever with back pain", ["fever-or-unwell", "back-pain"], [], "unclear", Urgency.Today },
        { "weight loss and night pain", ["unexplained-weight-loss", "constant-night-pain"], [], "unclear", Urgency.Urgent },
        { "past cancer with new leg pain", ["cancer-history", "pain-below-knee", "numbness"], [], "nerve", Urgency.Urgent },
    };

    /// <summary>
    /// Fresh vignettes for the red flags of 2026-11-28, each as a person would answer: the urgency, the source and
    /// whether a scan is worth discussing.
    /// </summary>
    public static TheoryData<string, string[], string[], string, Urgency, ImagingAdvice> RedFlagVignettes => new()
    {
        // Lifted a sofa, then both legs went numb, numb when wiping, trouble starting to pass urine.
        { "cauda equina after lifting", ["back-pain", "both-legs", "saddle-numbness", "bladder-bowel-change", "pins-and-needles", "pain-below-knee"],
            ["major-trauma", "fever-or-unwell"], "nerve", Urgency.Emergency, ImagingAdvice.DiscussWithClinician },
        // Both legs tingle and one foot slaps: a dropped foot with both legs is pressure on the nerves, an emergency.
        { "both legs with a dropped foot", ["both-legs", "foot-drop", "pins-and-needles"], ["bladder-bowel-change"], "nerve", Urgency.Emergency, ImagingAdvice.DiscussWithClinician },
        // Back from a 12-hour flight; the calf is swollen, warm and tender; no back pain, no tingling.
        { "swollen calf after a long flight", ["calf-swelling", "pain-below-knee"],
            ["sudden-onset-in-activity", "pins-and-needles", "numbness", "back-pain", "both-legs", "bladder-bowel-change", "saddle-numbness"],
            "unclear", Urgency.Today, ImagingAdvice.DiscussWithClinician },
        // Water-skier pulled into a split: a pop at the sit bone, a large bruise down the thigh, can hardly walk or sit.
        // The engine weighs it as an acute injury (muscle, with tendon possible); the red flag is what sends it to a doctor.
        { "torn tendon at the sit bone", ["suspected-tendon-tear", "sudden-onset-in-activity", "bruising", "sit-bone-pain", "pain-on-contraction"],
            ["pins-and-needles", "numbness", "pain-below-knee"], "muscle", Urgency.Urgent, ImagingAdvice.DiscussWithClinician },
        // Sciatica for weeks; now the foot slaps when walking and standing on the heel is not possible; not getting worse.
        { "new foot drop with sciatica", ["foot-drop", "weakness", "pins-and-needles", "pain-below-knee", "back-pain"],
            ["progressive-weakness", "both-legs", "bladder-bowel-change"], "nerve", Urgency.Today, ImagingAdvice.DiscussWithClinician },
        // Injects drugs; fever and sweats for three days; back pain that no position eases at night.
        { "fever and injected drugs", ["injected-drugs", "fever-or-unwell", "back-pain", "constant-night-pain"],
            ["major-trauma", "pins-and-needles"], "unclear", Urgency.Today, ImagingAdvice.DiscussWithClinician },
        // Takes methotrexate; feels unwell with shivers and new buttock and thigh pain.
        { "lowered immunity and feeling unwell", ["lowered-immunity", "fever-or-unwell", "buttock-pain"], [], "unclear", Urgency.Today, ImagingAdvice.DiscussWithClinician },
        // 78, osteoporosis, slipped on a step and sat down hard; low back and buttock pain since.
        { "thin bones after a small fall", ["fragile-bones-minor-fall", "back-pain", "buttock-pain"], ["major-trauma"], "unclear", Urgency.Urgent, ImagingAdvice.DiscussWithClinician },
        // Hill runner: low buttock pain on lunges and uphill, not quite at the sit bone; eases when warm, worse next day.
        { "tendon pain low in the buttock", ["pain-loaded-hip-bend", "gradual-onset-load-change", "warms-up-with-activity"],
            ["sit-bone-pain", "pins-and-needles", "pain-below-knee", "sudden-onset-in-activity"], "tendon", Urgency.Routine, ImagingAdvice.NotRecommended },
        // Anxious about sciatica that spreads below the knee when slumped; nothing else.
        { "worried sciatica", ["distressed-by-pain", "sitting-bending-worst", "pain-below-knee", "pins-and-needles"], ["sit-bone-pain"], "nerve", Urgency.Routine, ImagingAdvice.NotRecommended },
    };

    [Theory]
    [MemberData(nameof(RedFlagVignettes))]
    public void A_presentation_with_a_warning_sign_comes_out_as_expected(string name, string[] yes, string[] no, string primary, Urgency urgency, ImagingAdvice imaging)
    {
        var document = AssessmentDocument.From(Answers.Yes(yes).No(no).Assess());

        Assert.True(primary == document.PrimarySource, $"{name}: expected {primary}, got {document.PrimarySource} ({Describe(document)})");
        Assert.True(Names.Of(urgency) == document.Urgency, $"{name}: expected {Names.Of(urgency)}, got {document.Urgency}");
        Assert.Equal(Names.Of(imaging), document.Imaging);
    }

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
