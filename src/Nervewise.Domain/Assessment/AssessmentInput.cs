using System.Text.Json;
using Hl7.Fhir.Model;
using Nervewise.Domain.Input;

namespace Nervewise.Domain.Assessment;

/// <summary>
/// Reads answers from the two accepted forms: a FHIR R4 QuestionnaireResponse, or a plain JSON object of
/// linkId to value. Anything else is refused with errors that name the item.
/// </summary>
public static class AssessmentInput
{
    public const int MaxBytes = 256 * 1024;

    public static AssessmentAnswers Parse(string json)
    {
        if (json.Length > MaxBytes)
        {
            throw Refused($"the document is larger than {MaxBytes / 1024} KB");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw Refused($"not valid JSON: {ex.Message}");
        }
        catch (ArgumentException)
        {
            // A string that is not valid UTF-16 (a lone surrogate) cannot be JSON text.
            throw Refused("not valid JSON: the text holds a character that is not valid Unicode");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Refused("expected a JSON object of answers or a FHIR QuestionnaireResponse");
            }
            if (JsonText.FirstUnreadable(document.RootElement) is { } broken)
            {
                throw new AssessmentInputException([new InputError(broken, StoredText.BrokenCharacter)]);
            }
            if (document.RootElement.TryGetProperty("resourceType", out var resourceType))
            {
                return resourceType.ValueKind == JsonValueKind.String && resourceType.GetString() == "QuestionnaireResponse"
                    ? FromQuestionnaireResponse(json)
                    : throw Refused($"resourceType must be QuestionnaireResponse, not {resourceType}");
            }
            return FromPlain(document.RootElement);
        }
    }

    private static AssessmentAnswers FromPlain(JsonElement root)
    {
        var answers = new AssessmentAnswers.Builder();
        foreach (var property in root.EnumerateObject())
        {
            var linkId = property.Name;
            var value = property.Value;
            switch (answers.TypeOf(linkId))
            {
                case ItemType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    answers.Boolean(linkId, value.GetBoolean());
                    break;
                case ItemType.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number):
                    answers.Number(linkId, number);
                    break;
                case ItemType.Choice when value.ValueKind == JsonValueKind.String:
                    answers.Choice(linkId, value.GetString()!);
                    break;
                case { } type:
                    answers.Invalid(linkId, answers.Expects(type, linkId));
                    break;
            }
        }
        return answers.Build();
    }

    private static AssessmentAnswers FromQuestionnaireResponse(string json)
    {
        if (!FhirJson.TryParse(json, out var resource, out var error) || resource is not QuestionnaireResponse response)
        {
            throw Refused($"not a valid FHIR R4 QuestionnaireResponse: {error}");
        }
        if (!string.IsNullOrEmpty(response.Questionnaire) && !IsOurs(response.Questionnaire))
        {
            throw Refused($"questionnaire: this response answers '{response.Questionnaire}', not {AssessmentQuestionnaire.Canonical}");
        }

        var answers = new AssessmentAnswers.Builder();
        var screens = AssessmentQuestionnaire.Current.Screens.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        Walk(response.Item, answers, screens);
        return answers.Build();
    }

    private static void Walk(IEnumerable<QuestionnaireResponse.ItemComponent> items, AssessmentAnswers.Builder answers, HashSet<string> groups)
    {
        foreach (var item in items)
        {
            if (item.LinkId is null)
            {
                answers.Invalid("$", "every item needs a linkId");
                continue;
            }
            if (groups.Contains(item.LinkId))
            {
                Walk(item.Item, answers, groups);
                continue;
            }
            if (answers.TypeOf(item.LinkId) is not { } type || item.Answer.Count == 0)
            {
                continue;
            }
            if (item.Answer.Count > 1)
            {
                answers.Invalid(item.LinkId, "has more than one answer");
                continue;
            }
            switch (type, item.Answer[0].Value)
            {
                case (ItemType.Boolean, FhirBoolean { Value: { } b }):
                    answers.Boolean(item.LinkId, b);
                    break;
                case (ItemType.Integer, Integer { Value: { } n }):
                    answers.Number(item.LinkId, n);
                    break;
                case (ItemType.Choice, Coding { Code: { } code }):
                    answers.Choice(item.LinkId, code);
                    break;
                case (ItemType.Choice, FhirString { Value: { } text }):
                    answers.Choice(item.LinkId, text);
                    break;
                default:
                    answers.Invalid(item.LinkId, answers.Expects(type, item.LinkId));
                    break;
            }
        }
    }

    private static bool IsOurs(string canonical) =>
        canonical.Split('|')[0] is var url && (url == AssessmentQuestionnaire.Canonical || url.EndsWith("Questionnaire/assessment", StringComparison.Ordinal));

    private static AssessmentInputException Refused(string message) => new([new InputError("$", message)]);
}
