namespace Nervewise.Domain.Assessment;

/// <summary>The reviewed numbers of the assessment, read from assessment-rules.json beside this file.</summary>
public sealed record AssessmentRules(
    AssessmentRules.LevelThresholds Levels,
    IReadOnlyDictionary<string, AssessmentRules.SourceWeights> Sources,
    AssessmentRules.RedFlagRules RedFlags,
    AssessmentRules.ImagingRule Imaging)
{
    private static readonly Lazy<AssessmentRules> Loaded = new(Load);

    public static AssessmentRules Current => Loaded.Value;

    public sealed record LevelThresholds(double Likely, double Possible);

    public sealed record Feature(string Item, double Yes, double No, string Why, IReadOnlyList<string> Sources);

    public sealed record SourceWeights(double Baseline, string Why, IReadOnlyList<Feature> Features);

    /// <summary>
    /// One warning sign: its urgency, and the higher one it takes when any other red flag is present
    /// (both-legs). <see cref="Says"/> is the plain words every list of warning signs in the product uses.
    /// </summary>
    public sealed record RedFlagRule(string Item, string Urgency, string Says, string? EscalatesTo = null)
    {
        public Urgency Level => Names.ParseUrgency(Urgency);
    }

    public sealed record RedFlagRules(IReadOnlyList<RedFlagRule> Items)
    {
        public RedFlagRule? Find(string item) => Items.FirstOrDefault(r => r.Item == item);

        public bool Contains(string item) => Find(item) is not null;
    }

    public sealed record ImagingRule(int RehabWeeksWithoutImprovement, IReadOnlyList<string> RedFlagUrgencies, IReadOnlyList<string> WeaknessItems);

    public SourceWeights For(Source source) => Sources[Names.Of(source)];

    private static AssessmentRules Load()
    {
        var rules = EmbeddedData.ReadJson<AssessmentRules>("assessment-rules.json");
        rules.Check();
        return rules;
    }

    /// <summary>A typo in the data file must stop the app at start, not mislead a person later.</summary>
    private void Check()
    {
        var items = AssessmentQuestionnaire.Current.Items;
        var unknown = Sources.Values.SelectMany(s => s.Features).Select(f => f.Item)
            .Concat(RedFlags.Items.Select(r => r.Item))
            .Where(i => !items.ContainsKey(i))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"assessment-rules.json names items the questionnaire lacks: {string.Join(", ", unknown)}");
        }
        if (Enum.GetValues<Source>().Any(s => !Sources.ContainsKey(Names.Of(s))))
        {
            throw new InvalidOperationException("assessment-rules.json must weigh every source.");
        }
        foreach (var rule in RedFlags.Items)
        {
            Names.ParseUrgency(rule.Urgency);
            if (rule.EscalatesTo is { } escalated)
            {
                Names.ParseUrgency(escalated);
            }
            if (string.IsNullOrWhiteSpace(rule.Says))
            {
                throw new InvalidOperationException($"assessment-rules.json gives no plain words for the red flag '{rule.Item}'.");
            }
        }
        foreach (var urgency in Imaging.RedFlagUrgencies)
        {
            Names.ParseUrgency(urgency);
        }
        if (Imaging.WeaknessItems.FirstOrDefault(i => !items.ContainsKey(i)) is { } unknownWeakness)
        {
            throw new InvalidOperationException($"assessment-rules.json names an imaging item the questionnaire lacks: {unknownWeakness}");
        }
    }
}

/// <summary>The contract's spelling of each value: lowercase, words joined by hyphens.</summary>
public static class Names
{
    public static string Of(Source source) => source.ToString().ToLowerInvariant();

    public static string Of(Level level) => level.ToString().ToLowerInvariant();

    public static string Of(Urgency urgency) => urgency.ToString().ToLowerInvariant();

    public static string Of(ImagingAdvice imaging) => imaging switch
    {
        ImagingAdvice.DiscussWithClinician => "discuss-with-clinician",
        _ => "not-recommended",
    };

    public static Urgency ParseUrgency(string name) => Enum.TryParse<Urgency>(name, ignoreCase: true, out var urgency)
        ? urgency
        : throw new InvalidOperationException($"Unknown urgency '{name}'.");
}
