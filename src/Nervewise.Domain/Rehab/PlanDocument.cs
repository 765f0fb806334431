using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Rehab;

/// <summary>The plan as shared/spec/cli.md spells it, for the CLI and the API. More fields than the contract's may follow it.</summary>
public sealed record PlanDocument(
    string Stage,
    string Decision,
    string NextStage,
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
        RehabNames.Of(result.Stage),
        RehabNames.Of(result.Decision),
        RehabNames.Of(result.NextStage),
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
        result.Decision == Rehab.Decision.SeekHelp ? [.. result.Safety.Reasons.Select(Reason)] : null);

    private static SafetyReason Reason(Safety.SafetyReason reason) => new(
        reason.Item, Names.Of(reason.Urgency), reason.From == SafetyOrigin.Diary ? "diary" : "assessment", DiaryTime.Format(reason.Time), reason.Says);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
