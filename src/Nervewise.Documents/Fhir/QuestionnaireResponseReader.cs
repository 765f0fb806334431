using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;

namespace Nervewise.Documents.Fhir;

/// <summary>
/// Answers sent as a FHIR R4 QuestionnaireResponse to the assessment questionnaire. The Domain checks the JSON
/// first and reads the plain form itself; this reads the FHIR form with the Firely SDK (ADR 0019).
/// </summary>
public static class QuestionnaireResponseReader
{
    /// <summary>Answers in either accepted form (plain JSON or a QuestionnaireResponse), refused with errors naming the item.</summary>
    public static AssessmentAnswers ParseAnswers(string json) => AssessmentInput.Parse(json, Read);

    private static AssessmentAnswers Read(string json)
    {
        if (!FhirJson.TryParse(json, out var resource, out var error) || resource is not QuestionnaireResponse response)
        {
            throw AssessmentInput.Refused($"not a valid FHIR R4 QuestionnaireResponse: {error}");
        }
        if (!string.IsNullOrEmpty(response.Questionnaire) && !IsOurs(response.Questionnaire))
        {
            throw AssessmentInput.Refused($"questionnaire: this response answers '{response.Questionnaire}', not {AssessmentQuestionnaire.Canonical} " +
                $"(nor the served https://.../fhir/Questionnaire/{FhirQuestionnaire.Id})");
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

    /// <summary>
    /// The old URN, or the URL the FHIR API serves it at (<see cref="FhirQuestionnaire.Url"/>), with or without a
    /// version. Any host is taken: the same install is reached by several names, and the answers are checked item by item.
    /// </summary>
    private static bool IsOurs(string canonical) =>
        canonical.Split('|')[0] is var url
        && (url == AssessmentQuestionnaire.Canonical
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
                && uri.AbsolutePath.EndsWith($"/fhir/Questionnaire/{FhirQuestionnaire.Id}", StringComparison.Ordinal)));
}
