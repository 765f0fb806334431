using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Rehab;

/// <summary>The plan as shared/spec/cli.md spells it, for the CLI and the API. More fields than the contract's may follow it.</summary>
public sealed record PlanDocument(
    string Pathway,
    string Stage,
    string Decision,
    string? NextStage,
    double Predictability,
    IReadOnlyList<string> Reasons,
    int PredictabilityBasis,
    bool StageFromDiary,
    string? StageSince,
    int AgreedPainLevel,
    string AsOf,
    IReadOnlyList<PlanDocument.Unlock> Unlocks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Urgency = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PlanDocument.SafetyReason>? SafetyReasons = null)
{
    /// <summary>Why the person is on this pathway, when it changed or differs from the nerve default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PathwayNote { get; init; }

    /// <summary>True when sessions went above the agreed level but settled: the stage's doses are cut.</summary>
    public bool DoseCut { get; init; }

    /// <summary>The stage's exercises for this person, with how often a week.</summary>
    public IReadOnlyList<PlannedExercise> Exercises { get; init; } = [];

    /// <summary>What other possible sources rule out for now, in plain words.</summary>
    public IReadOnlyList<string> Precautions { get; init; } = [];

    /// <summary>Ideas from the check-in when a run-down week holds the plan.</summary>
    public IReadOnlyList<string> Ideas { get; init; } = [];

    public sealed record PlannedExercise(string Id, int PerWeek);

    public sealed record Unlock(string Name, string Progress, bool Met);

    /// <summary>One warning sign in force: its red-flag item, the urgency it carries, where it was seen and when, in plain words.</summary>
    public sealed record SafetyReason(string Item, string Urgency, string From, string Time, string Says);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Times keep a readable '+01:00'; the output is JSON for programs and people, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static PlanDocument From(PlanResult result) => new(
        RehabNames.Of(result.Pathway),
        RehabNames.Of(result.Stage),
        RehabNames.Of(result.Decision),
        // cli.md: null unless the decision moves.
        result.Moves is { } next ? RehabNames.Of(next) : null,
        Math.Round(result.Predictability.Score, 2),
        result.Reasons,
        result.Predictability.Basis,
        result.StageFromDiary,
        result.StageSince is { } since ? DiaryTime.Format(since) : null,
        result.AgreedPainLevel,
        DiaryTime.Format(result.AsOf),
        [.. result.Unlocks.Select(u => new Unlock(u.Name, u.Progress, u.Met))],
        // Only with seek-help (cli.md): the urgency of the safety state and the warning signs behind it.
        result.Decision == Rehab.Decision.SeekHelp ? Names.Of(result.Safety.Urgency) : null,
        result.Decision == Rehab.Decision.SeekHelp ? [.. result.Safety.Reasons.Select(Reason)] : null)
    {
        PathwayNote = result.PathwayNote,
        DoseCut = result.DoseCut,
        Exercises = [.. result.Personal.Items.Select(i => new PlannedExercise(i.Exercise, i.PerWeek))],
        Precautions = result.Personal.Precautions,
        Ideas = result.Ideas,
    };

    private static SafetyReason Reason(Safety.SafetyReason reason) => new(
        reason.Item, Names.Of(reason.Urgency), reason.From == SafetyOrigin.Diary ? "diary" : "assessment", DiaryTime.Format(reason.Time), reason.Says);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
