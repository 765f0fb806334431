using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Plan;

/// <summary>The stage and pain-level choices of a plan form, shared by the person's settings and the clinician's record.</summary>
public static class PlanForm
{
    /// <summary>Every choice of pathway and stage, as the forms offer them: ("muscle/strengthen", "Hamstring strain: Strengthen").</summary>
    public static IReadOnlyList<(string Value, string Label)> Choices(RehabRules rules) =>
        [.. RehabNames.Pathways.SelectMany(p => RehabNames.StagesOf(p).Select(s => (Value(new PathwayStage(p, s)), $"{rules.For(p).Name}: {rules.For(p, s).Name}")))];

    public static string Value(PathwayStage step) => $"{RehabNames.Of(step.Pathway)}/{RehabNames.Of(step.Stage)}";

    /// <summary>The form value of settings: "diary" when nothing is chosen.</summary>
    public static string Value(PlanSettings settings) =>
        settings.Stage is { } stage ? Value(new PathwayStage(settings.ChosenPathway ?? Pathway.Nerve, stage)) : "diary";

    /// <summary>
    /// "pathway/stage" (or a bare stage of one pathway); "diary" (or nothing) leaves both to the assessment and the
    /// diary, "default" the level to the plan; a bad value is a form error that lists the valid ones.
    /// </summary>
    public static (PathwayStage? Stage, int? Level) Read(string? stage, string? level, ModelStateDictionary errors)
    {
        PathwayStage? chosenStage = null;
        if (stage is not (null or "diary"))
        {
            var parts = stage.Split('/');
            if (parts.Length == 2 && RehabNames.TryParsePathway(parts[0], out var pathway) && RehabNames.TryParseStage(parts[1], pathway, out var parsed))
            {
                chosenStage = new PathwayStage(pathway, parsed);
            }
            else if (parts.Length == 1 && RehabNames.TryParseStage(stage, out var bare))
            {
                chosenStage = new PathwayStage(RehabNames.PathwayOf(bare), bare);
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
        return (chosenStage, chosenLevel);
    }
}
