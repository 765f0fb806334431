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
        var redFlags = RedFlagRules.Raise(rules.RedFlags.Items.Where(r => answers.IsYes(r.Item)).Select(r => r.Item), rules);
        var urgency = redFlags.Count == 0 ? Urgency.Routine : redFlags.Max(r => r.Urgency);
        return new AssessmentResult(sources, redFlags, urgency, Imaging(answers, redFlags, rules), Unanswered(answers, rules));
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

    /// <summary>
    /// Red-flag items with no answer, where the item applies (a follow-up counts only once its condition is met),
    /// each with the urgency a yes would carry alongside the answers given (both legs with weakness: emergency).
    /// </summary>
    private static List<RedFlag> Unanswered(AssessmentAnswers answers, AssessmentRules rules)
    {
        var questionnaire = AssessmentQuestionnaire.Current;
        var present = rules.RedFlags.Items.Where(r => answers.IsYes(r.Item)).Select(r => r.Item).ToList();
        return [.. rules.RedFlags.Items
            .Where(r => answers.Boolean(r.Item) is null && questionnaire.Items[r.Item].IsEnabled(answers))
            .Select(r => RedFlagRules.Raise([.. present, r.Item], rules).Single(f => f.Item == r.Item))];
    }

    private static ImagingAdvice Imaging(AssessmentAnswers answers, IReadOnlyList<RedFlag> redFlags, AssessmentRules rules)
    {
        var serious = rules.Imaging.RedFlagUrgencies.Select(Names.ParseUrgency).ToHashSet();
        var weakLeg = rules.Imaging.WeaknessItems.Any(answers.IsYes);
        var stalled = answers.Number("weeks-of-rehab-without-improvement") >= rules.Imaging.RehabWeeksWithoutImprovement;
        return redFlags.Any(r => serious.Contains(r.Urgency)) || weakLeg || stalled
            ? ImagingAdvice.DiscussWithClinician
            : ImagingAdvice.NotRecommended;
    }
}

/// <summary>The urgency of a set of warning signs present together: shared by the assessment and the safety state.</summary>
public static class RedFlagRules
{
    /// <summary>
    /// Each present item with its urgency, raised where its rule escalates in company (both-legs with any other
    /// red flag, weakness or foot drop is an emergency). Items that are not red flags are ignored; each item once.
    /// </summary>
    public static List<RedFlag> Raise(IEnumerable<string> present, AssessmentRules? rules = null)
    {
        rules ??= AssessmentRules.Current;
        var found = present.Distinct().Select(rules.RedFlags.Find).OfType<AssessmentRules.RedFlagRule>().ToList();
        return [.. found.Select(rule =>
            rule.EscalatesTo is { } escalated && found.Any(other => other.Item != rule.Item)
                ? new RedFlag(rule.Item, Names.ParseUrgency(escalated))
                : new RedFlag(rule.Item, rule.Level))];
    }
}
