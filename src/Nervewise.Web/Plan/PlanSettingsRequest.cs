using System.Text.Json;
using Nervewise.Domain.Input;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Plan;

/// <summary>
/// A change to plan settings as the API takes it: {"pathway", "stage", "agreedPainLevel", "doses": {"slump-slider": {"reps": 8}}}.
/// "pathway" (nerve, muscle, tendon) pins the ladder and "stage" a step of it; null returns them to the assessment and the diary.
/// A field that is present replaces the current value (null clears it); an absent field is left as it is. Doses
/// change per exercise: an exercise given replaces its dose, {} returns it to the plan's, and "doses": null clears all.
/// Read by hand so that each refusal names its field.
/// </summary>
public static class PlanSettingsRequest
{
    public const int MaxBytes = 16 * 1024;

    private static readonly string[] DoseFields = ["minutes", "sets", "reps", "holdSeconds", "perWeek"];

    public static (Func<PlanSettings, PlanSettings>? Change, Dictionary<string, string[]> Errors) Read(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["expected a JSON object"];
            return (null, errors);
        }
        // Reading an escaped lone surrogate ("\ud800") as a string throws, so such a body is refused first.
        if (JsonText.FirstUnreadable(body) is { } broken)
        {
            errors[broken] = [StoredText.BrokenCharacter];
            return (null, errors);
        }
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("pathway" or "stage" or "agreedPainLevel" or "doses"))
            {
                errors[property.Name] = ["is not a plan setting; use pathway, stage, agreedPainLevel or doses"];
            }
        }

        // The pathway: a name pins it, null returns pathway and stage to the assessment and the diary.
        var setPathway = body.TryGetProperty("pathway", out var pathwayElement);
        Pathway? pathway = null;
        if (setPathway && pathwayElement.ValueKind != JsonValueKind.Null)
        {
            if (pathwayElement.ValueKind == JsonValueKind.String && RehabNames.TryParsePathway(pathwayElement.GetString(), out var parsed))
            {
                pathway = parsed;
            }
            else
            {
                errors["pathway"] = [$"{RehabNames.PathwayExpected}, or null to follow the assessment and the diary"];
            }
        }

        var setStage = body.TryGetProperty("stage", out var stageElement);
        Stage? stage = null;
        if (setStage && stageElement.ValueKind != JsonValueKind.Null && !errors.ContainsKey("pathway"))
        {
            var name = stageElement.ValueKind == JsonValueKind.String ? stageElement.GetString() : null;
            if (pathway is { } of)
            {
                if (RehabNames.TryParseStage(name, of, out var parsed))
                {
                    stage = parsed;
                }
                else
                {
                    errors["stage"] = [$"{RehabNames.StageExpectedOf(of)}, or null to follow the diary"];
                }
            }
            else if (setPathway)
            {
                errors["stage"] = ["needs a pathway: give pathway with it, or null for both to follow the assessment and the diary"];
            }
            else if (RehabNames.TryParseStage(name, out var parsed))
            {
                // No pathway given: the stage is read against the pathway already chosen (checked when it is applied).
                stage = parsed;
            }
            else
            {
                errors["stage"] = [$"must be a stage of the chosen pathway ({AllStages}), or null to follow the diary"];
            }
        }

        var setLevel = body.TryGetProperty("agreedPainLevel", out var levelElement);
        int? level = null;
        if (setLevel && levelElement.ValueKind != JsonValueKind.Null)
        {
            if (levelElement.ValueKind == JsonValueKind.Number && levelElement.TryGetInt32(out var parsed))
            {
                level = parsed;
            }
            else
            {
                errors["agreedPainLevel"] = ["must be a whole number, or null for the plan's default"];
            }
        }

        Dictionary<string, DoseOverride>? doses = null;
        var clearDoses = false;
        if (body.TryGetProperty("doses", out var dosesElement))
        {
            clearDoses = dosesElement.ValueKind == JsonValueKind.Null;
            doses = clearDoses ? [] : ReadDoses(dosesElement, errors);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (current => Apply(current, setPathway, pathway, setStage, stage) with
        {
            AgreedPainLevel = setLevel ? level : current.AgreedPainLevel,
            Doses = doses is null ? current.Doses : Merge(clearDoses ? new Dictionary<string, DoseOverride>() : current.DoseOverrides, doses),
        }, errors);
    }

    private static string AllStages => string.Join("; ", RehabNames.Pathways.Select(p => $"{RehabNames.Of(p)}: {string.Join(", ", RehabNames.StageNames(p))}"));

    /// <summary>
    /// The pathway and stage after a change. A new pathway keeps the stage only when it is one of its own (else the
    /// diary picks the stage on it); a stage alone stays on the pathway already chosen, or, when none is, on the
    /// pathway it belongs to (the nerve ladder's names came first). A stage of another pathway is refused by
    /// <see cref="PlanSettings.Check"/>, naming the stage and the valid ones.
    /// </summary>
    private static PlanSettings Apply(PlanSettings current, bool setPathway, Pathway? pathway, bool setStage, Stage? stage)
    {
        if (setPathway && pathway is null)
        {
            return current with { Pathway = null, Stage = null };
        }
        var newPathway = setPathway ? pathway : current.Pathway;
        var newStage = setStage ? stage : current.Stage;
        if (setPathway && !setStage && newStage is { } kept && !RehabNames.Belongs(pathway!.Value, kept))
        {
            newStage = null;
        }
        if (!setPathway && newPathway is null && newStage is { } alone)
        {
            newPathway = RehabNames.PathwayOf(alone);
        }
        return current with { Pathway = newPathway, Stage = newStage };
    }

    /// <summary>Each exercise named replaces its own dose; one with no fields goes back to the plan's dose.</summary>
    private static Dictionary<string, DoseOverride> Merge(IReadOnlyDictionary<string, DoseOverride> current, Dictionary<string, DoseOverride> changes)
    {
        var merged = new Dictionary<string, DoseOverride>(current);
        foreach (var (id, dose) in changes)
        {
            if (dose.IsEmpty)
            {
                merged.Remove(id);
            }
            else
            {
                merged[id] = dose;
            }
        }
        return merged;
    }

    private static Dictionary<string, DoseOverride>? ReadDoses(JsonElement element, Dictionary<string, string[]> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors["doses"] = ["must be an object of exercise id to dose, such as {\"slump-slider\": {\"reps\": 8}}"];
            return null;
        }
        var doses = new Dictionary<string, DoseOverride>();
        foreach (var exercise in element.EnumerateObject())
        {
            var prefix = $"doses.{exercise.Name}";
            if (exercise.Value.ValueKind != JsonValueKind.Object)
            {
                errors[prefix] = [$"must be an object with any of {string.Join(", ", DoseFields)}"];
                continue;
            }
            var values = new Dictionary<string, int?>();
            foreach (var field in exercise.Value.EnumerateObject())
            {
                if (!DoseFields.Contains(field.Name))
                {
                    errors[$"{prefix}.{field.Name}"] = [$"is not a dose field; use {string.Join(", ", DoseFields)}"];
                }
                else if (field.Value.ValueKind == JsonValueKind.Null)
                {
                    values[field.Name] = null;
                }
                else if (field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out var number))
                {
                    values[field.Name] = number;
                }
                else
                {
                    errors[$"{prefix}.{field.Name}"] = ["must be a whole number"];
                }
            }
            doses[exercise.Name] = new DoseOverride(
                values.GetValueOrDefault("minutes"), values.GetValueOrDefault("sets"), values.GetValueOrDefault("reps"),
                values.GetValueOrDefault("holdSeconds"), values.GetValueOrDefault("perWeek"));
        }
        return doses;
    }
}
