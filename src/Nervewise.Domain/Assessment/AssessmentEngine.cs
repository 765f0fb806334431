namespace Nervewise.Domain.Assessment;

/// <summary>
/// Weighs each source on its own from the answers (log-odds points from assessment-rules.json), then applies
/// the red-flag and imaging rules of the contract. Pure: the same answers always give the same result.
/// </summary>
public static class AssessmentEngine
{
    public static AssessmentResult Assess(AssessmentAnswers answers) => Assess(answers, AssessmentRules.Current);

    public static AssessmentResult Assess(AssessmentAnswers answers, AssessmentRules rules)
    {
        var sources = Enum.GetValues<Source>().Select(s => Judge(s, answers, rules)).ToList();
        var redFlags = RedFlags(answers, rules);
        var urgency = redFlags.Count == 0 ? Urgency.Routine : redFlags.Max(r => r.Urgency);
        return new AssessmentResult(sources, redFlags, urgency, Imaging(answers, redFlags, rules));
    }

    private static SourceJudgement Judge(Source source, AssessmentAnswers answers, AssessmentRules rules)
    {
        var weights = rules.For(source);
        var logOdds = weights.Baseline;
        var raised = new List<(string Item, double Points)>();
        foreach (var feature in weights.Features)
        {
            switch (answers.Boolean(feature.Item))
            {
                case true:
                    logOdds += feature.Yes;
                    if (feature.Yes > 0)
                    {
                        raised.Add((feature.Item, feature.Yes));
                    }
                    break;
                case false:
                    logOdds += feature.No;
                    break;
            }
        }

        var likelihood = 1 / (1 + Math.Exp(-logOdds));
        var level = likelihood >= rules.Levels.Likely ? Level.Likely
            : likelihood >= rules.Levels.Possible ? Level.Possible
            : Level.Unlikely;
        // Stable order: strongest first, then as the data file lists them.
        var reasons = raised.OrderByDescending(r => r.Points).Select(r => r.Item).ToList();
        return new SourceJudgement(source, likelihood, level, reasons);
    }

    private static List<RedFlag> RedFlags(AssessmentAnswers answers, AssessmentRules rules)
    {
        var present = rules.RedFlags.Items.Where(r => answers.IsYes(r.Item)).ToList();
        return present.Select(rule =>
        {
            var urgency = Names.ParseUrgency(rule.Urgency);
            // both-legs: an emergency when it comes with any other red flag, or with weakness.
            if (rule.WithOtherRedFlagOrWeakness is { } escalated && present.Any(other => other.Item != rule.Item))
            {
                urgency = Names.ParseUrgency(escalated);
            }
            return new RedFlag(rule.Item, urgency);
        }).ToList();
    }

    private static ImagingAdvice Imaging(AssessmentAnswers answers, List<RedFlag> redFlags, AssessmentRules rules)
    {
        var serious = rules.Imaging.RedFlagUrgencies.Select(Names.ParseUrgency).ToHashSet();
        var stalled = answers.Number("weeks-of-rehab-without-improvement") >= rules.Imaging.RehabWeeksWithoutImprovement;
        return redFlags.Any(r => serious.Contains(r.Urgency)) || stalled
            ? ImagingAdvice.DiscussWithClinician
            : ImagingAdvice.NotRecommended;
    }
}
