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

    public static string Session(SessionCheck check) => $"{Date(check.Session.Time)}, {DiaryVocabulary.Words(check.Session.Item)}";

    /// <summary>One warning sign in force, with what to do about it: the action matches the safety card.</summary>
    public static string Signal(SafetyReason reason) =>
        $"{(reason.From == SafetyOrigin.Diary ? "You logged" : "In the questions you said")} {reason.Says} on {Date(reason.Time)}. " +
        $"{AssessmentWording.For(reason.Urgency).Headline}.";

    /// <summary>Why the plan stops: no exercise advice at urgent or higher, a hold at soon.</summary>
    public static string PauseForHelp(Urgency urgency) => urgency >= Urgency.Urgent
        ? "Your exercises are paused until a doctor has seen you, because of the warning signs above."
        : "Your plan stays at this step until a physiotherapist or doctor has checked the weakness.";

    public const string SteppingBackIsNormal = "Stepping back for a while is a normal part of graded exposure, not a failure. The plan moves up again after a good run.";
}
