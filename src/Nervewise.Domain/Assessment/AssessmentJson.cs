using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nervewise.Domain.Assessment;

/// <summary>The result as the contract spells it, for the API, the CLI and storage.</summary>
public sealed record AssessmentDocument(
    string PrimarySource,
    IReadOnlyList<AssessmentDocument.SourceEntry> Sources,
    bool Mixed,
    IReadOnlyList<AssessmentDocument.RedFlagEntry> RedFlags,
    string Urgency,
    string Imaging,
    IReadOnlyList<AssessmentDocument.RedFlagEntry>? UnansweredRedFlags,
    string QuestionnaireVersion)
{
    public sealed record SourceEntry(string Source, double Likelihood, string Level, IReadOnlyList<string> Reasons);

    public sealed record RedFlagEntry(string Item, string Urgency);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static AssessmentDocument From(AssessmentResult result) => new(
        result.PrimarySource is { } primary ? Names.Of(primary) : "unclear",
        [.. result.Sources.Select(s => new SourceEntry(Names.Of(s.Source), Math.Round(s.Likelihood, 2), Names.Of(s.Level), s.Reasons))],
        result.Mixed,
        [.. result.RedFlags.Select(r => new RedFlagEntry(r.Item, Names.Of(r.Urgency)))],
        Names.Of(result.Urgency),
        Names.Of(result.Imaging),
        [.. result.UnansweredRedFlags.Select(r => new RedFlagEntry(r.Item, Names.Of(r.Urgency)))],
        AssessmentQuestionnaire.Current.Version);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Back to the Domain's types, for showing a stored result exactly as it was computed.</summary>
    public AssessmentResult ToResult() => new(
        [.. Sources.Select(s => new SourceJudgement(Parse<Source>(s.Source), s.Likelihood, Parse<Level>(s.Level), s.Reasons))],
        [.. RedFlags.Select(r => new RedFlag(r.Item, Parse<Urgency>(r.Urgency)))],
        Parse<Urgency>(Urgency),
        Imaging == Names.Of(ImagingAdvice.DiscussWithClinician) ? ImagingAdvice.DiscussWithClinician : ImagingAdvice.NotRecommended,
        // Results stored before 2026-11-28 have no unansweredRedFlags.
        [.. (UnansweredRedFlags ?? []).Select(r => new RedFlag(r.Item, Parse<Urgency>(r.Urgency)))]);

    private static T Parse<T>(string name) where T : struct, Enum => Enum.Parse<T>(name, ignoreCase: true);
}
