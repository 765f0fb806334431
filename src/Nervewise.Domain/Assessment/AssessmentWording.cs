namespace Nervewise.Domain.Assessment;

/// <summary>
/// Plain words for results: short enough for a phone, calm, never "you have X". Shared by the web pages and
/// the CLI so both explain a result the same way.
/// </summary>
public static class AssessmentWording
{
    public sealed record SourceText(string Name, string Meaning, string NextSteps);

    public sealed record UrgencyText(string Headline, string Instructions);

    public static SourceText For(Source source) => source switch
    {
        Source.Nerve => new(
            "An irritated nerve",
            "The sciatic nerve can become irritated where it leaves the spine, in the buttock or near the sacroiliac joint. " +
            "Nerve pain can feel alarming, yet it rarely means the nerve is damaged. It is often more sensitive when you are ill, tired or stressed.",
            "Keep moving in ways that don't stir it up much. Notice what you did in the hours before it got worse, since nerve pain often comes late. " +
            "Once the pain is more predictable, gentle nerve exercises can help it settle."),
        Source.Muscle => new(
            "A strained hamstring muscle",
            "A strain is a small tear in the muscle at the back of the thigh, usually from a sudden effort such as sprinting or a big stretch.",
            "Stay active within comfort, then rebuild strength step by step. A physiotherapist can guide the return to speed and stretching."),
        Source.Tendon => new(
            "The hamstring tendon at the sit bone",
            "The tendon that attaches the hamstring to the sit bone can become overloaded, often after more hills, speed, lunges or deep stretching.",
            "Avoid long sitting on hard seats and deep hip-bending stretches for now. Tendons improve with gradual, steady strengthening."),
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static UrgencyText For(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => new(
            "Go to an emergency department now",
            "Some of the signs you told us about can mean pressure on the nerves at the base of the spine, which needs treatment within hours. " +
            "Go to the nearest emergency department now, or call your emergency number. Do not wait to see if it passes, and do no exercises until you have been seen."),
        Urgency.Today => new(
            "See a doctor today",
            "Some of the signs you told us about need a doctor to look at them today. Get a same-day appointment or go to urgent care. " +
            "If you can't be seen today, go to an emergency department. Do no exercises until you have been seen."),
        Urgency.Urgent => new(
            "See a doctor within the next few days",
            "Some of the signs you told us about should be checked by a doctor within a few days, to rule out a cause that needs different care. " +
            "Book an appointment this week, and leave the exercises until then."),
        Urgency.Soon => new(
            "Book a physiotherapist or doctor",
            "Weakness in the leg is worth having examined. It is not an emergency while it is not getting worse, and your plan stays where it is until it has been checked. " +
            "If the weakness gets worse, or new numbness or bladder or bowel changes appear, get help straight away."),
        _ => new(
            "You can start managing this yourself",
            "Nothing in your answers needs urgent care. Guided self-management is a reasonable start, and a physiotherapist can help at any point."),
    };

    /// <summary>Safety questions that were left unanswered (and apply), so a calm result never hides them.</summary>
    public static IReadOnlyList<string> UnansweredSafety(AssessmentAnswers answers) =>
        [.. AssessmentEngine.Assess(answers).UnansweredRedFlags.Select(r => r.Item)];

    /// <summary>The headline for a routine result, honest about unanswered safety questions: never "no warning signs".</summary>
    public static UrgencyText Routine(IReadOnlyList<string> unansweredSafety) => unansweredSafety.Count == 0
        ? For(Urgency.Routine)
        : new("Some safety questions are still open",
            $"{unansweredSafety.Count} safety question{(unansweredSafety.Count == 1 ? " was" : "s were")} not answered yes or no, so we can't say there are no warning signs. " +
            "Each one below says what to do if the answer turns out to be yes.");

    /// <summary>
    /// What helps, while a warning sign at urgent or higher is in force: in place of every source's next steps,
    /// since movement and exercise advice waits until a professional has seen the person.
    /// </summary>
    public const string AfterYouHaveBeenSeen =
        "After you have been seen: ask the doctor or physiotherapist when to start and what suits you. Until then, leave the exercises.";

    /// <summary>"If you have any of these, see a doctor today": the action for an unanswered warning sign, should it be yes.</summary>
    public static string IfYes(Urgency urgency)
    {
        var headline = For(urgency).Headline;
        return $"If you have any of these, {char.ToLowerInvariant(headline[0])}{headline[1..]}";
    }

    /// <summary>Short words for a table column.</summary>
    public static string Short(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "Emergency",
        Urgency.Today => "See a doctor today",
        Urgency.Urgent => "See a doctor within days",
        Urgency.Soon => "Book a check",
        _ => "Self-care",
    };

    public static string Of(Level level) => level switch
    {
        Level.Likely => "Likely",
        Level.Possible => "Possible",
        _ => "Unlikely",
    };

    public static string Of(ImagingAdvice imaging) => imaging == ImagingAdvice.DiscussWithClinician
        ? "A scan may be worth discussing with your clinician."
        : "A scan is not needed now. Scans rarely change the first steps of care, and often show changes that are not causing pain.";

    /// <summary>What the person said, in a few words, for "because you said…".</summary>
    public static string Said(string linkId) => linkId switch
    {
        "pins-and-needles" => "pins and needles in your leg or foot",
        "numbness" => "numbness in your leg or foot",
        "weakness" => "your leg or foot feels weak",
        "pain-below-knee" => "the pain reaches below your knee",
        "burning-shooting" => "the pain burns, throbs or shoots",
        "deep-ache" => "a deep, gnawing ache",
        "delayed-unpredictable" => "the pain is hard to predict and can come hours later",
        "worse-at-night" => "it is worse at night",
        "heavy-leg" => "your leg feels heavy or tires quickly",
        "no-clear-cause" => "it started without a clear cause",
        "sitting-bending-worst" => "pain spreads down your leg when you sit slumped or bend forward",
        "sustained-aggravates" => "staying in one position for long makes it worse",
        "worse-when-run-down" => "it is worse when you are ill, tired or stressed",
        "distressed-by-pain" => "the pain makes you anxious or sick",
        "back-pain" => "you also have low back pain",
        "buttock-pain" => "you also have deep buttock pain",
        "sudden-onset-in-activity" => "it started suddenly during a fast or stretching movement",
        "bruising" => "a bruise appeared on your thigh",
        "pain-on-contraction" => "it hurts when the muscle works hard",
        "local-tender-spot" => "there is one sore spot in the muscle",
        "local-pain-on-stretch" => "stretching hurts at one spot without spreading",
        "sit-bone-pain" => "the pain is at your sit bone",
        "pain-sitting-on-sit-bone" => "sitting on a firm seat hurts where the sit bone presses",
        "gradual-onset-load-change" => "it built up after a change in training",
        "warms-up-with-activity" => "it eases when warm and is worse later",
        "pain-loaded-hip-bend" => "it hurts at the sit bone or low buttock when you bend at the hip under load",
        _ when AssessmentRules.Current.RedFlags.Find(linkId) is { } redFlag => redFlag.Says,
        _ => linkId,
    };
}
