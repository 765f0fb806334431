using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Rehab;

/// <summary>
/// Which ladder a person is on and why: a pathway chosen by them or their clinician wins; otherwise the latest
/// assessment's main source, unless exercise rows logged after it say otherwise; with neither, the diary (cli.md:
/// no exercise rows means nerve and settle). Other sources the assessment finds possible add their precautions.
/// </summary>
public sealed record PathwayChoice(PathwayStage Step, bool FromDiary, string? Note, IReadOnlyList<Pathway> AlsoPossible)
{
    public static Pathway Of(Source source) => source switch
    {
        Source.Muscle => Pathway.Muscle,
        Source.Tendon => Pathway.Tendon,
        _ => Pathway.Nerve,
    };

    public static PathwayChoice Choose(IReadOnlyList<DiaryEntry> entries, PlanSettings settings, AssessmentTaken? assessment, RehabRules rules)
    {
        var judged = assessment is null ? null : AssessmentEngine.Assess(assessment.Answers);
        Pathway? assessed = judged?.PrimarySource is { } primary ? Of(primary) : null;
        var latest = StageMap.Latest(entries, rules);
        var chosenPathway = settings.ChosenPathway;
        var main = chosenPathway ?? latest?.Pathway ?? assessed ?? Pathway.Nerve;
        string? note = null;

        PathwayStage step;
        var fromDiary = settings.Stage is null;
        if (settings.Stage is { } stage && chosenPathway is { } chosen && RehabNames.Belongs(chosen, stage))
        {
            step = new PathwayStage(chosen, stage);
        }
        else if (chosenPathway is { } pathway)
        {
            step = latest is { } at && at.Pathway == pathway ? at : new PathwayStage(pathway, RehabNames.First(pathway));
        }
        else if (assessed is { } source && (latest is null || (latest.Value.Pathway != source && assessment!.TakenAt > StageMap.LatestTime(entries, rules))))
        {
            // A new assessment that finds another main source moves the person to its ladder; the diary keeps the rest.
            main = source;
            step = new PathwayStage(source, RehabNames.First(source));
            note = latest is { } old
                ? $"Your assessment on {PlanWording.Date(assessment!.TakenAt)} points mainly to {rules.For(source).Name.ToLowerInvariant()} rather than " +
                  $"{rules.For(old.Pathway).Name.ToLowerInvariant()}, so your plan has moved to the {rules.For(source).Name.ToLowerInvariant()} pathway. " +
                  "Your earlier sessions stay in your diary."
                : source == Pathway.Nerve ? null
                : $"Your assessment on {PlanWording.Date(assessment!.TakenAt)} points mainly to {rules.For(source).Name.ToLowerInvariant()}, so your plan follows that pathway.";
        }
        else
        {
            step = latest ?? new PathwayStage(Pathway.Nerve, Stage.Settle);
        }

        IReadOnlyList<Pathway> also = judged is null ? [] :
            [.. judged.Sources.Where(s => s.Level >= Level.Possible).Select(s => Of(s.Source)).Where(p => p != main).Distinct()];
        return new PathwayChoice(step, fromDiary, note, also);
    }
}
