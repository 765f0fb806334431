using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Plan;

/// <summary>The stage and pain-level choices of a plan form, shared by the person's settings and the clinician's record.</summary>
public static class PlanForm
{
    /// <summary>One pathway's choices for a grouped list: the pathway with the stage left to the diary, then each stage.</summary>
    public sealed record Group(string Label, IReadOnlyList<(string Value, string Label)> Options);

    /// <summary>The choices grouped by pathway, for a select with an optgroup per pathway.</summary>
    public static IReadOnlyList<Group> Groups(RehabRules rules) =>
        [.. RehabNames.Pathways.Select(p => new Group(
            $"{rules.For(p).Name} pathway",
            [(RehabNames.Of(p), $"{rules.For(p).Name}: stage from the diary"),
             .. RehabNames.StagesOf(p).Select(s => (Value(new PathwayStage(p, s)), $"{rules.For(p).Name}: {rules.For(p, s).Name}"))]))];

    public static string Value(PathwayStage step) => $"{RehabNames.Of(step.Pathway)}/{RehabNames.Of(step.Stage)}";

    /// <summary>The form value of settings: "diary" when nothing is chosen, the pathway alone when the diary picks its stage.</summary>
    public static string Value(PlanSettings settings) =>
        settings.Stage is { } stage ? Value(new PathwayStage(settings.ChosenPathway ?? Pathway.Nerve, stage))
        : settings.Pathway is { } pathway ? RehabNames.Of(pathway)
        : "diary";

    /// <summary>
    /// "pathway/stage", a pathway alone (its stage from the diary) or a bare stage of one pathway; "diary" (or nothing)
    /// leaves both to the assessment and the diary, "default" the level to the plan; a bad value is a form error that
    /// names the field and lists the valid values.
    /// </summary>
    public static (Pathway? Pathway, Stage? Stage, int? Level) Read(string? stage, string? level, ModelStateDictionary errors)
    {
        Pathway? chosenPathway = null;
        Stage? chosenStage = null;
        if (stage is not (null or "diary"))
        {
            var parts = stage.Split('/');
            if (parts.Length > 2 || (parts.Length == 2 && !RehabNames.TryParsePathway(parts[0], out _)))
            {
                errors.AddModelError(string.Empty, $"Pathway must be one of: {string.Join(", ", RehabNames.Pathways.Select(RehabNames.Of))}.");
            }
            else if (parts.Length == 2 && RehabNames.TryParsePathway(parts[0], out var pathway))
            {
                if (RehabNames.TryParseStage(parts[1], pathway, out var parsed))
                {
                    (chosenPathway, chosenStage) = (pathway, parsed);
                }
                else
                {
                    errors.AddModelError(string.Empty, $"Stage '{parts[1]}' {RehabNames.StageExpectedOf(pathway)}.");
                }
            }
            else if (RehabNames.TryParsePathway(stage, out var alone))
            {
                chosenPathway = alone;
            }
            else if (RehabNames.TryParseStage(stage, out var bare))
            {
                (chosenPathway, chosenStage) = (RehabNames.PathwayOf(bare), bare);
            }
            else
            {
                errors.AddModelError(string.Empty, $"Stage must be one of: {string.Join("; ", RehabNames.Pathways.Select(p => $"{RehabNames.Of(p)}: {string.Join(", ", RehabNames.StageNames(p))}"))}.");
            }
        }
        int? chosenLevel = null;
        if (level is not (null or "default"))
        {
            if (int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                chosenLevel = parsed;
            }
            else
            {
                errors.AddModelError(string.Empty, "Agreed pain level must be a whole number.");
            }
        }
        return (chosenPathway, chosenStage, chosenLevel);
    }
}
