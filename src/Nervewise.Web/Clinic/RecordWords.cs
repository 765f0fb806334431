using System.Globalization;
using Nervewise.Domain.Assessment;

namespace Nervewise.Web.Clinic;

/// <summary>
/// The record's words for a clinician: clinical names are fine here ("proximal hamstring tendinopathy"), the codes the
/// stored results use ("not-recommended", "routine") never are. The stored result keeps its codes for the API.
/// </summary>
public static class RecordWords
{
    /// <summary>A source as a clinician names it, from the stored code ("nerve", "tendon", "unclear").</summary>
    public static string Source(string code) => SourceWords.Clinical(code);

    /// <summary>"Proximal hamstring tendinopathy likely"; "No clear main source" when none stands out.</summary>
    public static string Primary(AssessmentDocument result) => result.PrimarySource is "nerve" or "muscle" or "tendon"
        ? Capital(Source(result.PrimarySource)) + " " + Level(result.Sources.FirstOrDefault(s => s.Source == result.PrimarySource)?.Level ?? "likely")
        : Capital(Source(result.PrimarySource));

    public static string Level(string code) => SourceWords.Level(code);

    /// <summary>What the person was told to do, in the words of the safety card's short column.</summary>
    public static string Urgency(string code) => AssessmentWording.Short(Names.ParseUrgency(code));

    public static string Imaging(string code) => SourceWords.Imaging(code);

    /// <summary>The plan's decision in words ("Move on" to the next stage), never the contract's "progress" / "regress".</summary>
    public static string Decision(Nervewise.Domain.Rehab.Decision decision) => decision switch
    {
        Nervewise.Domain.Rehab.Decision.Progress => "Move on",
        Nervewise.Domain.Rehab.Decision.Regress => "Step back",
        Nervewise.Domain.Rehab.Decision.SeekHelp => "Have the warning signs checked first",
        _ => "Stay at this stage",
    };

    /// <summary>An answer as read back: "Yes", "No", a number, or the option's own words; "Not answered".</summary>
    public static string Answer(QuestionItem item, AssessmentAnswers answers) => item.Type switch
    {
        ItemType.Boolean => answers.Boolean(item.LinkId) switch { true => "Yes", false => "No", null => "Not answered" },
        ItemType.Integer => answers.Number(item.LinkId)?.ToString(CultureInfo.InvariantCulture) ?? "Not answered",
        _ => answers.Choice(item.LinkId) is { } code ? item.Options.FirstOrDefault(o => o.Code == code)?.Display ?? code : "Not answered",
    };

    /// <summary>One question whose answer differs between two assessments.</summary>
    public sealed record Change(QuestionItem Item, string Before, string Now);

    /// <summary>The questions answered differently in <paramref name="now"/> than in <paramref name="before"/>, in questionnaire order.</summary>
    public static IReadOnlyList<Change> Changes(AssessmentAnswers before, AssessmentAnswers now) =>
        [.. AssessmentQuestionnaire.Current.Screens.SelectMany(s => s.Items)
            .Select(i => new Change(i, Answer(i, before), Answer(i, now)))
            .Where(c => c.Before != c.Now)];

    /// <summary>"34 (born 2 May 1992)" style line; null without a birth date.</summary>
    public static string? Born(DateOnly? born, int? age) => born is { } b && age is { } a
        ? $"{a} years old, born {b.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
        : null;

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>
/// The plan's sentences are written to the person ("your agreed 3/10"); the record tells them about the person. The
/// few phrases the plan uses are turned round here rather than keeping a second copy of every sentence.
/// </summary>
public static class AboutThePerson
{
    private static readonly (string From, string To)[] Turns =
    [
        ("Your ", "Their "), (" your ", " their "), ("You are ", "They are "), (" you answered", " they answered"),
        (" you said", " they said"), ("you would ", "they would "), ("has seen you", "has seen them"), ("move you on", "move them on"),
        ("Log their pain", "They log their pain"), ("talk to their physiotherapist", "they will need your review"),
    ];

    public static string Told(string toPerson) =>
        Turns.Aggregate(toPerson, (text, turn) => text.Replace(turn.From, turn.To, StringComparison.Ordinal));
}
