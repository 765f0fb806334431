using Nervewise.Domain.Assessment;

namespace Nervewise.Web.Assessment;

/// <summary>
/// The questionnaire's answers as an HTML form carries them: "yes", "no", a number or a choice code per linkId.
/// A safety question answered "not sure" carries "unsure", so the page knows it was chosen; it is kept as not
/// answered, as the contract says. Other questions send nothing for "not sure". Converted once, here, into the
/// Domain's checked answers.
/// </summary>
public static class FormAnswers
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string NotSure = "unsure";

    /// <summary>What a post holds: the checked answers, the questions chosen as "not sure", and what was refused.</summary>
    public sealed record Read(AssessmentAnswers Answers, IReadOnlySet<string> NotSure, IReadOnlyList<InputError> Errors)
    {
        /// <summary>Whether the person chose one of the answers (yes, no or not sure) for this question.</summary>
        public bool Chosen(string linkId) => Answers.All.ContainsKey(linkId) || NotSure.Contains(linkId);
    }

    /// <summary>Checks and converts the posted answers, dropping follow-ups whose condition no longer holds.</summary>
    public static Read From(IReadOnlyDictionary<string, string?> form)
    {
        var questionnaire = AssessmentQuestionnaire.Current;
        var builder = new AssessmentAnswers.Builder();
        var notSure = new HashSet<string>(StringComparer.Ordinal);
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
                case ItemType.Boolean when value == NotSure:
                    notSure.Add(linkId);
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
        var applies = answers.Keep(linkId => questionnaire.Items[linkId].IsEnabled(answers));
        notSure.RemoveWhere(linkId => !questionnaire.Items[linkId].IsEnabled(applies));
        return new Read(applies, notSure, builder.Errors);
    }

    /// <summary>Whether the questionnaire asks this item as a safety question: yes, no or not sure, nothing chosen first.</summary>
    public static bool IsSafety(string linkId) => AssessmentRules.Current.RedFlags.Contains(linkId);

    /// <summary>The form value for an answer, for re-showing it.</summary>
    public static string ToForm(Answer answer) => answer.Type switch
    {
        ItemType.Boolean => answer.Boolean ? Yes : No,
        ItemType.Integer => answer.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => answer.Code ?? "",
    };
}
