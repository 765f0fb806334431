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

    /// <summary>The muscle or tendon is the likely source and the nerve is not.</summary>
    OtherSource,

    /// <summary>No source stands out yet.</summary>
    Unclear,
}

/// <summary>The first week: what it is about, the stage to start at (none when the plan waits for a doctor), and why.</summary>
public sealed record FirstWeekPlan(FirstWeekKind Kind, Stage? Stage, string Why)
{
    public bool HoldsPlan => Stage is null;
}

/// <summary>
/// Chooses the first week's plan from an assessment. Red flags win; then the stage is settle unless the answers say
/// the pain is already fairly predictable (rules in home-rules.json, firstWeek).
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
        if (result.For(Source.Nerve).Level >= Level.Possible)
        {
            return settled
                ? new(FirstWeekKind.Nerve, Stage.GeneralMovement,
                    "Your pain sounds fairly steady, so your first week adds easy movement on most days.")
                : new(FirstWeekKind.Nerve, Stage.Settle,
                    "Your pain sounds hard to predict right now, so your first week is about calming it down.");
        }
        if (result.PrimarySource is not null)
        {
            return new(FirstWeekKind.OtherSource, Stage.GeneralMovement,
                "Your answers point more to the muscle or tendon than to the nerve. Easy, regular movement helps those too. A physio can add strength work.");
        }
        return new(FirstWeekKind.Unclear, Stage.Settle,
            "Your answers don't point to one cause yet. A calm first week with a short diary often makes it clearer.");
    }

    /// <summary>The first week has begun once the plan has a stage of its own, or any session is in the diary.</summary>
    public static bool Started(PlanSettings settings, IEnumerable<DiaryEntry> diary) =>
        settings.Stage is not null || diary.Any(e => e.Type == EntryType.Exercise);

    private static string Name(Urgency urgency) => urgency.ToString().ToLowerInvariant();
}
