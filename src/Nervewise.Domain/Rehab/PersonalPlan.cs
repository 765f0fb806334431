using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Rehab;

/// <summary>
/// The stage's exercises made for one person: the provocation stage brings back their own aggravating positions,
/// full training names their own sport, and a second possible source takes out what it rules out.
/// </summary>
public sealed record PersonalPlan(IReadOnlyList<RehabRules.PlanItem> Items, IReadOnlyList<string> Precautions, string? Sport, IReadOnlyList<string> Notes)
{
    public static PersonalPlan For(PathwayStage step, IReadOnlyList<Pathway> alsoPossible, IReadOnlyList<DiaryEntry> entries, AssessmentTaken? assessment,
        DateTimeOffset now, RehabRules rules)
    {
        var items = rules.For(step.Pathway, step.Stage).Plan.ToList();
        var notes = new List<string>();
        if (step is { Pathway: Pathway.Nerve, Stage: Stage.Provocation })
        {
            var (chosen, why) = Provocations(entries, assessment, now, rules);
            var perWeek = items.FirstOrDefault(i => rules.FindExercise(i.Exercise)?.StageValue == Stage.Provocation)?.PerWeek ?? 3;
            items = [.. chosen.Select(id => new RehabRules.PlanItem(id, perWeek)),
                .. items.Where(i => rules.FindExercise(i.Exercise)?.StageValue != Stage.Provocation)];
            notes.Add(why);
        }

        var sport = OwnSport(entries, now, rules);
        if (step.Stage == Stage.FullTraining)
        {
            notes.Add(sport is null
                ? "Full training means your own sport or training. Log it as an activity and the plan will name it."
                : $"Full training means your own sport: {DiaryVocabulary.Words(sport)}, at a dose that keeps the pain rules.");
        }

        var precautions = new List<string>();
        foreach (var other in alsoPossible.Where(p => p != step.Pathway))
        {
            var info = rules.For(other);
            precautions.Add(info.Precautions);
            var before = items.Count;
            items.RemoveAll(i => info.AvoidWhenSecondary.Contains(i.Exercise));
            if (items.Count < before)
            {
                notes.Add($"Some exercises are left out while {info.Name.ToLowerInvariant()} is also possible: {info.Precautions}");
            }
        }
        // When a precaution leaves this stage with nothing of its own, the last step below with something left carries on.
        var avoided = alsoPossible.Where(p => p != step.Pathway).SelectMany(p => rules.For(p).AvoidWhenSecondary).ToHashSet();
        if (avoided.Count > 0 && !items.Any(i => rules.FindExercise(i.Exercise)?.StageValue == step.Stage))
        {
            for (var below = step.Stage; below != RehabNames.First(step.Pathway);)
            {
                below = RehabNames.Down(step.Pathway, below);
                var kept = rules.For(step.Pathway, below).Plan.Where(i => !avoided.Contains(i.Exercise)
                    && rules.FindExercise(i.Exercise)?.StageValue == below && items.All(have => have.Exercise != i.Exercise)).ToList();
                if (kept.Count > 0)
                {
                    items.InsertRange(0, kept);
                    notes.Add($"Until then, keep up your {rules.For(step.Pathway, below).Name.ToLowerInvariant()} in place of this step's own exercises.");
                    break;
                }
            }
        }
        return new PersonalPlan(items, precautions, sport, notes);
    }

    /// <summary>
    /// The provocative positions to bring back: those matching what came before the person's flare-ups (within the
    /// flare window) and what the assessment says is worst, most often first; the data file's default when nothing is known.
    /// </summary>
    public static (IReadOnlyList<string> Exercises, string Why) Provocations(IReadOnlyList<DiaryEntry> entries, AssessmentTaken? assessment, DateTimeOffset now, RehabRules rules)
    {
        var window = TimeSpan.FromHours(rules.PainRules.FlareWindowHours.Value);
        var flares = entries.Where(e => e.Type == EntryType.Flare && e.Time <= now).Select(e => e.Time).ToList();
        var before = entries.Where(e => e.Type == EntryType.Activity && e.Time <= now && flares.Any(f => f >= e.Time && f <= e.End + window))
            .GroupBy(e => e.Item).ToDictionary(g => g.Key, g => g.Count());
        var answered = assessment?.Answers.All.Where(a => a.Value.Boolean == true).Select(a => a.Key).ToHashSet() ?? [];

        var scored = rules.Provocations.Positions
            .Select(p => (p.Exercise, Flares: p.Activities.Sum(a => before.GetValueOrDefault(a)), Said: p.Items.Any(answered.Contains),
                Names: p.Activities.Where(before.ContainsKey).Concat(p.Items.Where(answered.Contains).Select(_ => "your answers")).Distinct().ToList()))
            .Where(p => p.Flares > 0 || p.Said)
            .OrderByDescending(p => p.Flares).ThenByDescending(p => p.Said)
            .Take(rules.Provocations.Most)
            .ToList();
        if (scored.Count == 0)
        {
            return (rules.Provocations.Default, "Your diary and answers don't yet show which positions stir the pain, so these are the usual ones. " +
                "Log what you were doing before flare-ups and the plan will bring back your own.");
        }
        var names = scored.SelectMany(s => s.Names).Select(DiaryVocabulary.Words).Distinct().ToList();
        return ([.. scored.Select(s => s.Exercise)], $"Chosen from what comes before your flare-ups and what you said is worst: {string.Join(", ", names)}.");
    }

    /// <summary>The person's own sport: the activity logged most often in the last eight weeks that is not everyday life.</summary>
    public static string? OwnSport(IReadOnlyList<DiaryEntry> entries, DateTimeOffset now, RehabRules rules) =>
        entries.Where(e => e.Type == EntryType.Activity && e.Time <= now && e.Time >= now.AddDays(-56) && !rules.Provocations.Everyday.Contains(e.Item))
            .GroupBy(e => e.Item).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(e => e.Time.UtcDateTime))
            .FirstOrDefault()?.Key;
}
