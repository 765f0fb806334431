using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;

namespace Nervewise.Domain.Home;

/// <summary>What the first week is about, from the assessment.</summary>
public enum FirstWeekKind
{
    /// <summary>Urgent or emergency warning signs: the red-flag instructions, and no exercise plan.</summary>
    RedFlags,

    /// <summary>Weakness worth a check: book it, and settle meanwhile.</summary>
    CheckFirst,

    /// <summary>A nerve is possible or likely: graded exposure from settle or general movement.</summary>
    Nerve,

    /// <summary>A hamstring strain is the main source: the strain ladder's first stage.</summary>
    Muscle,

    /// <summary>The sit-bone tendon is the main source: the tendon ladder's first stage.</summary>
    Tendon,

    /// <summary>No source stands out yet.</summary>
    Unclear,
}

/// <summary>The first week: what it is about, the stage to start at (none when the plan waits for a doctor), and why.</summary>
public sealed record FirstWeekPlan(FirstWeekKind Kind, Stage? Stage, string Why)
{
    public bool HoldsPlan => Stage is null;

    /// <summary>The ladder the first week starts on: the assessment's main source.</summary>
    public Pathway Pathway { get; init; } = Pathway.Nerve;
}

/// <summary>
/// Chooses the first week's plan from an assessment. Red flags win; then the main source picks the pathway: a strain
/// or a sit-bone tendon starts on its own ladder's first stage; a nerve starts at settle unless the answers say the
/// pain is already fairly predictable (rules in home-rules.json, firstWeek).
/// </summary>
public static class FirstWeek
{
    /// <summary>
    /// <paramref name="safety"/> is the urgency of the person's one safety state (Domain/Safety/SafetyState.cs), which
    /// adds warning signs logged in the diary and drops those a professional has checked; without it the assessment's
    /// own urgency decides.
    /// </summary>
    public static FirstWeekPlan For(AssessmentResult result, AssessmentAnswers answers, Urgency? safety = null, HomeRules? rules = null)
    {
        var first = (rules ?? HomeRules.Current).FirstWeek;
        var urgency = Name(safety ?? result.Urgency);
        if (first.HoldPlanAt.Value.Contains(urgency))
        {
            return new(FirstWeekKind.RedFlags, null,
                "Some warning signs need a doctor first. The exercise plan waits until you have been seen.");
        }
        if (first.SettleOnlyAt.Value.Contains(urgency))
        {
            return new(FirstWeekKind.CheckFirst, Stage.Settle,
                "Book a check for the weakness in your leg. Until then, keep to gentle positions that ease the pain.");
        }

        var settled = first.UnsettledSigns.Value.All(item => answers.Boolean(item) == false)
            && !first.WorseTrend.Value.Contains(answers.Choice("trend") ?? "");
        if (result.PrimarySource == Source.Muscle)
        {
            return new(FirstWeekKind.Muscle, RehabNames.First(Pathway.Muscle),
                "Your answers point mainly to a hamstring strain, so your plan follows the strain pathway. Your first week is gentle " +
                "muscle holds that stay comfortable, to protect the healing muscle while keeping it working.") { Pathway = Pathway.Muscle };
        }
        if (result.PrimarySource == Source.Tendon)
        {
            return new(FirstWeekKind.Tendon, RehabNames.First(Pathway.Tendon),
                "Your answers point mainly to the tendon at your sit bone, so your plan follows the tendon pathway. Your first week is " +
                "steady holds with the hip fairly straight, which calm tendon pain, and less long sitting and deep hip bending.") { Pathway = Pathway.Tendon };
        }
        if (result.For(Source.Nerve).Level >= Level.Possible)
        {
            return settled
                ? new(FirstWeekKind.Nerve, Stage.GeneralMovement,
                    "Your pain sounds fairly steady, so your first week adds easy movement on most days.")
                : new(FirstWeekKind.Nerve, Stage.Settle,
                    "Your pain sounds hard to predict right now, so your first week is about calming it down.");
        }
        return new(FirstWeekKind.Unclear, Stage.Settle,
            "Your answers don't point to one cause yet. A calm first week with a short diary often makes it clearer.");
    }

    /// <summary>The first week has begun once the plan has a stage of its own, or any session is in the diary.</summary>
    public static bool Started(PlanSettings settings, IEnumerable<DiaryEntry> diary) =>
        settings.Stage is not null || diary.Any(e => e.Type == EntryType.Exercise);

    private static string Name(Urgency urgency) => urgency.ToString().ToLowerInvariant();
}
