using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

/// <summary>Properties over thousands of answer sets from a seeded generator, so failures repeat exactly.</summary>
public class PropertyTests
{
    private const int Cases = 5000;
    private static readonly string[] EmergencyItems = ["bladder-bowel-change", "saddle-numbness", "sexual-function-change", "progressive-weakness"];
    private static readonly string[] NerveFeatures =
    [
        "pins-and-needles", "numbness", "weakness", "pain-below-knee", "burning-shooting", "deep-ache", "delayed-unpredictable",
        "worse-at-night", "heavy-leg", "no-clear-cause", "sitting-bending-worst", "sustained-aggravates", "worse-when-run-down",
        "distressed-by-pain", "back-pain", "buttock-pain",
    ];

    /// <summary>Each item left out, or given a valid answer at random.</summary>
    internal static IEnumerable<(Random Random, Dictionary<string, Answer> Answers)> AnswerSets(int seed)
    {
        var random = new Random(seed);
        var items = AssessmentQuestionnaire.Current.Items.Values.ToList();
        for (var i = 0; i < Cases; i++)
        {
            var answers = new Dictionary<string, Answer>();
            foreach (var item in items.Where(_ => random.Next(3) > 0))
            {
                answers[item.LinkId] = item.Type switch
                {
                    ItemType.Boolean => Answer.Of(random.Next(2) == 0),
                    ItemType.Integer => Answer.Of(random.Next(item.Min ?? 0, (item.Max ?? 100) + 1)),
                    _ => Answer.OfChoice(item.Options[random.Next(item.Options.Count)].Code),
                };
            }
            yield return (random, answers);
        }
    }

    internal static AssessmentAnswers Build(Dictionary<string, Answer> answers)
    {
        var builder = new AssessmentAnswers.Builder();
        foreach (var (linkId, answer) in answers)
        {
            _ = answer.Type switch
            {
                ItemType.Boolean => builder.Boolean(linkId, answer.Boolean),
                ItemType.Integer => builder.Number(linkId, answer.Number),
                _ => builder.Choice(linkId, answer.Code!),
            };
        }
        return builder.Build();
    }

    [Fact]
    public void No_answer_set_crashes_and_likelihoods_stay_between_0_and_1()
    {
        foreach (var (_, answers) in AnswerSets(seed: 1))
        {
            var result = AssessmentEngine.Assess(Build(answers));

            Assert.Equal(3, result.Sources.Count);
            Assert.All(result.Sources, s => Assert.InRange(s.Likelihood, 0, 1));
            Assert.Equal(result.Sources.Count(s => s.Level >= Level.Possible) >= 2, result.Mixed);
        }
    }

    [Fact]
    public void Any_emergency_item_always_gives_emergency()
    {
        foreach (var (random, answers) in AnswerSets(seed: 2))
        {
            answers[EmergencyItems[random.Next(EmergencyItems.Length)]] = Answer.Yes;

            var result = AssessmentEngine.Assess(Build(answers));

            Assert.Equal(Urgency.Emergency, result.Urgency);
            Assert.Equal(ImagingAdvice.DiscussWithClinician, result.Imaging);
        }
    }

    [Fact]
    public void Adding_a_nerve_feature_never_lowers_the_nerve_likelihood()
    {
        foreach (var (random, answers) in AnswerSets(seed: 3))
        {
            var feature = NerveFeatures[random.Next(NerveFeatures.Length)];
            var before = AssessmentEngine.Assess(Build(answers)).For(Source.Nerve).Likelihood;

            answers[feature] = Answer.Yes;
            var after = AssessmentEngine.Assess(Build(answers)).For(Source.Nerve).Likelihood;

            Assert.True(after >= before, $"Saying yes to {feature} lowered the nerve likelihood from {before} to {after}.");
        }
    }

    [Fact]
    public void Urgency_is_never_below_any_red_flag_found()
    {
        foreach (var (_, answers) in AnswerSets(seed: 4))
        {
            var result = AssessmentEngine.Assess(Build(answers));

            Assert.All(result.RedFlags, r => Assert.True(result.Urgency >= r.Urgency));
            Assert.Equal(result.RedFlags.Count == 0, result.Urgency == Urgency.Routine);
        }
    }
}
