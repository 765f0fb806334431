using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>
/// One person's plan choices, set by them or their clinician. Every field may be empty: then the pathway comes from
/// the latest assessment and the diary, the stage from the diary, the agreed pain level and the doses from
/// rehab-plan.json, and no safety check is on record. A stage is only ever set together with its pathway.
/// </summary>
public sealed record PlanSettings(
    Stage? Stage = null,
    DateTimeOffset? StageSince = null,
    int? AgreedPainLevel = null,
    IReadOnlyDictionary<string, DoseOverride>? Doses = null,
    DateTimeOffset? SafetyCheckedAt = null,
    Pathway? Pathway = null)
{
    public static readonly PlanSettings None = new();

    public IReadOnlyDictionary<string, DoseOverride> DoseOverrides => Doses ?? new Dictionary<string, DoseOverride>();

    public int AgreedLevel(RehabRules rules, Rehab.Pathway pathway = Rehab.Pathway.Nerve) => AgreedPainLevel ?? rules.DefaultPainLevel(pathway);

    /// <summary>The pathway a chosen stage belongs to: the chosen pathway, or the nerve ladder for older settings that name only a stage.</summary>
    public Rehab.Pathway? ChosenPathway => Pathway ?? (Stage is { } stage ? RehabNames.PathwayOf(stage) : null);

    /// <summary>The dose of an exercise at a stage for this person: the plan's, with their own changes on top.</summary>
    public Dose DoseFor(RehabRules rules, Rehab.Pathway pathway, Stage stage, string exerciseId)
    {
        var dose = rules.DoseAt(pathway, stage, exerciseId);
        return DoseOverrides.TryGetValue(exerciseId, out var own) ? own.ApplyTo(dose) : dose;
    }

    /// <summary>Every problem, each naming its field as the API spells it (agreedPainLevel, doses.slump-slider.reps).</summary>
    public IReadOnlyList<FieldError> Check(RehabRules rules)
    {
        var errors = new List<FieldError>();
        if (Stage is { } stage && ChosenPathway is { } pathway && !RehabNames.Belongs(pathway, stage))
        {
            errors.Add(new("stage", $"'{RehabNames.Of(stage)}' {RehabNames.StageExpectedOf(pathway)}"));
        }
        var agreed = rules.PainRules.AgreedPainLevel;
        if (AgreedPainLevel is { } level && (level < agreed.Lowest || level > agreed.Highest))
        {
            errors.Add(new("agreedPainLevel", $"must be a whole number from {agreed.Lowest} to {agreed.Highest}, not {level}"));
        }
        foreach (var (id, dose) in DoseOverrides)
        {
            if (rules.FindExercise(id) is null)
            {
                errors.Add(new($"doses.{id}", $"'{id}' is not an exercise of the plan; use one of {string.Join(", ", rules.Exercises.Select(e => e.Id))}"));
                continue;
            }
            foreach (var problem in dose.Check(rules.DoseLimits))
            {
                var field = problem[..problem.IndexOf(' ', StringComparison.Ordinal)];
                errors.Add(new($"doses.{id}.{field}", problem[(field.Length + 1)..]));
            }
        }
        return errors;
    }
}
