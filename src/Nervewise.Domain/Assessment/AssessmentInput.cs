using System.Text.Json;
using Nervewise.Domain.Input;

namespace Nervewise.Domain.Assessment;

/// <summary>
/// Reads answers from the two accepted forms: a plain JSON object of linkId to value, or a FHIR R4
/// QuestionnaireResponse, which the caller's reader turns into answers (Nervewise.Documents has it: the Domain
/// reads no file format, ADR 0019). Anything else is refused with errors that name the item.
/// </summary>
public static class AssessmentInput
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>Plain answers only, as the app stores them; a QuestionnaireResponse is refused.</summary>
    public static AssessmentAnswers Parse(string json) => Parse(json, questionnaireResponse: null);

    /// <summary>
    /// Either form. The JSON is checked here first (size, syntax, an object, readable characters), so the reader
    /// gets well-formed text whose resourceType is QuestionnaireResponse.
    /// </summary>
    public static AssessmentAnswers Parse(string json, Func<string, AssessmentAnswers>? questionnaireResponse)
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
                if (resourceType.ValueKind != JsonValueKind.String || resourceType.GetString() != "QuestionnaireResponse")
                {
                    throw Refused($"resourceType must be QuestionnaireResponse, not {resourceType}");
                }
                return questionnaireResponse is null
                    ? throw Refused("expected a JSON object of answers; a FHIR QuestionnaireResponse is not accepted here")
                    : questionnaireResponse(json);
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

    /// <summary>The whole document refused, with one message.</summary>
    public static AssessmentInputException Refused(string message) => new([new InputError("$", message)]);
}
