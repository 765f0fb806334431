namespace Nervewise.Domain.Assessment;

/// <summary>How likely one source is, and which answers raised it, strongest first.</summary>
public sealed record SourceJudgement(Source Source, double Likelihood, Level Level, IReadOnlyList<string> Reasons);

public sealed record RedFlag(string Item, Urgency Urgency);

/// <summary>
/// What the assessment concludes. See shared/spec/assessment.md. <see cref="UnansweredRedFlags"/> are the warning
/// signs not answered, each with the urgency it would carry if the answer were yes.
/// </summary>
public sealed record AssessmentResult(
    IReadOnlyList<SourceJudgement> Sources,
    IReadOnlyList<RedFlag> RedFlags,
    Urgency Urgency,
    ImagingAdvice Imaging,
    IReadOnlyList<RedFlag> UnansweredRedFlags)
{
    /// <summary>The most likely source, or null ("unclear") when none reaches possible.</summary>
    public Source? PrimarySource =>
        Sources.Where(s => s.Level >= Level.Possible).OrderByDescending(s => s.Likelihood).FirstOrDefault()?.Source;

    public bool Mixed => Sources.Count(s => s.Level >= Level.Possible) >= 2;

    public SourceJudgement For(Source source) => Sources.Single(s => s.Source == source);
}
