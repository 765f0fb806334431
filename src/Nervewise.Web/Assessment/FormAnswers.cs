using Nervewise.Domain.Assessment;

namespace Nervewise.Web.Assessment;

/// <summary>
/// The questionnaire's answers as an HTML form carries them: "yes", "no", a number or a choice code per linkId,
/// empty for "not sure". Converted once, here, into the Domain's checked answers.
/// </summary>
public static class FormAnswers
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>Checks and converts the posted answers, dropping follow-ups whose condition no longer holds.</summary>
    public static (AssessmentAnswers Answers, IReadOnlyList<InputError> Errors) Read(IReadOnlyDictionary<string, string?> form)
    {
        var questionnaire = AssessmentQuestionnaire.Current;
        var builder = new AssessmentAnswers.Builder();
        foreach (var (linkId, raw) in form)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            switch (builder.TypeOf(linkId))
            {
                case ItemType.Boolean when value is Yes or No:
                    builder.Boolean(linkId, value == Yes);
                    break;
                case ItemType.Integer when long.TryParse(value, out var number):
                    builder.Number(linkId, number);
                    break;
                case ItemType.Choice:
                    builder.Choice(linkId, value);
                    break;
                case { } type:
                    builder.Invalid(linkId, builder.Expects(type, linkId));
                    break;
            }
        }
        // The answers that passed are kept either way, so correcting one never loses the others.
        var answers = builder.BuildValid();
        return (answers.Keep(linkId => questionnaire.Items[linkId].IsEnabled(answers)), builder.Errors);
    }

    /// <summary>The form value for an answer, for re-showing it.</summary>
    public static string ToForm(Answer answer) => answer.Type switch
    {
        ItemType.Boolean => answer.Boolean ? Yes : No,
        ItemType.Integer => answer.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => answer.Code ?? "",
    };
}
