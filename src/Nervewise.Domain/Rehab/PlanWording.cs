using System.Globalization;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

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

    /// <summary>What to do about one warning sign, most urgent first.</summary>
    public static string Signal(SafetySignal signal) => signal.Urgency switch
    {
        Urgency.Emergency => $"You logged {AssessmentWording.Said(signal.Item)} on {Date(signal.Time)}. Go to an emergency department now, or call your local emergency number.",
        Urgency.Urgent => $"You logged {AssessmentWording.Said(signal.Item)} on {Date(signal.Time)}. See a doctor within the next few days.",
        _ => $"You logged new or stronger weakness in your leg on {Date(signal.Time)}. Have it checked by a physiotherapist or doctor before loading the nerve further.",
    };

    public const string PauseForHelp = "Pause the nerve exercises until you have been checked. Gentle everyday movement is fine.";

    public const string SteppingBackIsNormal = "Stepping back for a while is a normal part of graded exposure, not a failure. The plan moves up again after a good run.";
}
