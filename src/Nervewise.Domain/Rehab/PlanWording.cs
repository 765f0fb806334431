using System.Globalization;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Rehab;

/// <summary>Plain, calm words for the plan's reasons, shared by the web pages, the API and the CLI.</summary>
public static class PlanWording
{
    /// <summary>What one session of a stage is called in a sentence: "14 days of slider sessions".</summary>
    public static string SessionNoun(Stage stage) => stage switch
    {
        Stage.Settle => "easing",
        Stage.GeneralMovement => "movement",
        Stage.Sliders => "slider",
        Stage.Tensioners => "tensioner",
        Stage.Provocation => "position",
        Stage.Protect => "gentle strength",
        Stage.Strengthen => "strength",
        Stage.Lengthen => "lengthening",
        Stage.Running => "running",
        Stage.Isometric => "holding",
        Stage.SlowHeavy => "heavy lifting",
        Stage.EnergyStorage => "spring and run",
        _ => "training",
    };

    public static string Date(DateTimeOffset time) => time.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Share(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Plural(int count, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    /// <summary>Which rules a session broke: "pain during 5/10, above your agreed 3/10 and a flare-up 20 hours later".</summary>
    public static string WhatBroke(SessionCheck check, int agreed)
    {
        var parts = new List<string>();
        if (check.During == RuleState.Broken)
        {
            parts.Add($"pain during {Number(check.PainDuring)}/10, above your agreed {agreed}/10");
        }
        if (check.Morning == RuleState.Broken)
        {
            parts.Add($"the next morning at {Number(check.NextMorning ?? 0)}/10, above your usual {Number(check.UsualLevel ?? 0)}/10");
        }
        if (check.Flare == RuleState.Broken && check.FlareUp is { } flare)
        {
            var hours = (flare.Time - check.Session.End).TotalHours;
            parts.Add(hours <= 0 ? "a flare-up during it" : $"a flare-up {Plural((int)Math.Max(1, Math.Round(hours)), "hour", "hours")} later");
        }
        return string.Join(" and ", parts);
    }

    public static string Session(SessionCheck check) => $"{Date(check.Session.Time)}, {Exercise(check.Session.Item)}";

    /// <summary>An exercise as the plan names it, in a sentence ("the extender", "straight-leg-raise slider"); others by their slug.</summary>
    public static string Exercise(string item)
    {
        var name = RehabRules.Current.FindExercise(item)?.Name.ToLowerInvariant() ?? DiaryVocabulary.Words(item);
        return name.StartsWith("the ", StringComparison.Ordinal) ? name[4..] : name;
    }

    /// <summary>A body region after "reached": "your calf", "the back of your knee".</summary>
    public static string Region(string region) => region switch
    {
        "back-of-knee" => "the back of your knee",
        "low-back" => "your low back",
        _ => $"your {DiaryVocabulary.Words(region)}",
    };

    /// <summary>One warning sign in force, with what to do about it: the action matches the safety card.</summary>
    public static string Signal(SafetyReason reason) =>
        $"{(reason.From == SafetyOrigin.Diary ? "You logged" : "In the questions you said")} {reason.Says} on {Date(reason.Time)}. " +
        $"{AssessmentWording.For(reason.Urgency).Headline}.";

    /// <summary>Why the plan stops: no exercise advice at urgent or higher, a hold at soon.</summary>
    public static string PauseForHelp(Urgency urgency) => urgency >= Urgency.Urgent
        ? "Your exercises are paused until a doctor has seen you, because of the warning signs above."
        : "Your plan stays at this step until a physiotherapist or doctor has checked the weakness.";

    /// <summary>
    /// Why the dose is cut within the stage: the sessions that went above the agreed level, whether the next morning
    /// settled, and what a smaller dose means. Stepping back a stage is only for next-morning and flare-up rules.
    /// </summary>
    public static string DoseCut(IReadOnlyList<SessionCheck> over, int agreed, double share)
    {
        var settled = over.All(c => c.Morning == RuleState.Kept);
        var what = over.Count == 1
            ? $"your {Exercise(over[0].Session.Item)} session on {Date(over[0].Session.Time)} went to {Number(over[0].PainDuring)}/10"
            : $"{Plural(over.Count, "session", "sessions")} went above it ({string.Join(", ", over.Select(c => $"{Date(c.Session.Time)} at {Number(c.PainDuring)}/10"))})";
        var after = settled
            ? $"but the next {(over.Count == 1 ? "morning was" : "mornings were")} settled and no flare-up followed"
            : "and no worse morning or flare-up was logged after";
        var opening = $"Your agreed pain level during sessions is {agreed}/10, and {what}, {after}.";
        return $"{opening} So do a little less within this stage for the next few sessions: {Cut(share)}. " +
            "Your plan's doses are already cut to match. The plan steps back a stage only when the next morning or a flare-up says so.";
    }

    /// <summary>What stepping back means on the first step of a pathway, which has nothing below it.</summary>
    public static string FirstStepCut(double share) =>
        $"This is the first step, so stay on it with a smaller dose until this settles: {Cut(share)}. " +
        "If it keeps happening at the smaller dose, talk to your physiotherapist.";

    private static string Cut(double share) =>
        $"about {Math.Round((1 - share) * 100).ToString("0", CultureInfo.InvariantCulture)}% fewer repetitions, shorter holds and a smaller range of movement";

    public const string SteppingBackIsNormal = "Stepping back for a while is a normal part of graded exposure, not a failure. The plan moves up again after a good run.";
}
