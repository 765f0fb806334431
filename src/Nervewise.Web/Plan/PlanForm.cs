using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Plan;

/// <summary>The stage and pain-level choices of a plan form, shared by the person's settings and the clinician's record.</summary>
public static class PlanForm
{
    /// <summary>"diary" (or nothing) leaves the stage to the diary, "default" the level to the plan; a bad value is a form error.</summary>
    public static (Stage? Stage, int? Level) Read(string? stage, string? level, ModelStateDictionary errors)
    {
        Stage? chosenStage = null;
        if (stage is not (null or "diary"))
        {
            if (RehabNames.TryParseStage(stage, out var parsed))
            {
                chosenStage = parsed;
            }
            else
            {
                errors.AddModelError(string.Empty, $"Stage {RehabNames.StageExpected}.");
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
