using System.Collections.ObjectModel;

namespace Nervewise.Domain.Assessment;

/// <summary>
/// A validated set of answers. An item that is absent was not answered, which is not the same as "no".
/// </summary>
public sealed class AssessmentAnswers
{
    private readonly ReadOnlyDictionary<string, Answer> _answers;

    private AssessmentAnswers(IDictionary<string, Answer> answers) => _answers = new(answers);

    public static AssessmentAnswers Empty { get; } = new(new Dictionary<string, Answer>());

    public IReadOnlyDictionary<string, Answer> All => _answers;

    public bool? Boolean(string linkId) => _answers.TryGetValue(linkId, out var a) && a.Type == ItemType.Boolean ? a.Boolean : null;

    public int? Number(string linkId) => _answers.TryGetValue(linkId, out var a) && a.Type == ItemType.Integer ? a.Number : null;

    public string? Choice(string linkId) => _answers.TryGetValue(linkId, out var a) && a.Type == ItemType.Choice ? a.Code : null;

    public bool IsYes(string linkId) => Boolean(linkId) == true;

    /// <summary>The same answers without those the predicate rejects, such as follow-ups that no longer apply.</summary>
    public AssessmentAnswers Keep(Func<string, bool> keep) =>
        new(_answers.Where(a => keep(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));

    /// <summary>Plain JSON object of linkId to value, in questionnaire order: how answers are stored.</summary>
    public IReadOnlyDictionary<string, object> ToPlain() =>
        AssessmentQuestionnaire.Current.Items.Keys
            .Where(_answers.ContainsKey)
            .ToDictionary(k => k, k => _answers[k].Value, StringComparer.Ordinal);

    /// <summary>Collects answers from any input form, checking each against the questionnaire.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, Answer> _answers = new(StringComparer.Ordinal);
        private readonly List<InputError> _errors = [];
        private readonly AssessmentQuestionnaire _questionnaire = AssessmentQuestionnaire.Current;

        public IReadOnlyList<InputError> Errors => _errors;

        public Builder Boolean(string linkId, bool value) => Add(linkId, ItemType.Boolean, () => Answer.Of(value));

        public Builder Number(string linkId, long value) => Add(linkId, ItemType.Integer, () =>
        {
            var item = _questionnaire.Items[linkId];
            if (value < (item.Min ?? int.MinValue) || value > (item.Max ?? int.MaxValue))
            {
                return Error(linkId, $"must be a whole number from {item.Min} to {item.Max}, not {value}");
            }
            return Answer.Of((int)value);
        });

        public Builder Choice(string linkId, string code) => Add(linkId, ItemType.Choice, () =>
        {
            var options = _questionnaire.Items[linkId].Options;
            return options.Any(o => o.Code == code)
                ? Answer.OfChoice(code)
                : Error(linkId, $"must be one of {string.Join(", ", options.Select(o => o.Code))}, not '{code}'");
        });

        /// <summary>Records a problem found by the caller, such as a value of the wrong JSON kind.</summary>
        public Builder Invalid(string linkId, string message)
        {
            _errors.Add(new InputError(linkId, message));
            return this;
        }

        /// <summary>Checks that the item exists and what type of value it takes.</summary>
        public ItemType? TypeOf(string linkId)
        {
            if (_questionnaire.Items.TryGetValue(linkId, out var item))
            {
                return item.Type;
            }
            Invalid(linkId, "is not an item of the assessment questionnaire");
            return null;
        }

        /// <summary>The answers that passed, ignoring refused ones: to keep a form's other answers while one is corrected.</summary>
        public AssessmentAnswers BuildValid() => new(_answers);

        public AssessmentAnswers Build() =>
            _errors.Count == 0 ? new AssessmentAnswers(_answers) : throw new AssessmentInputException(_errors);

        private Builder Add(string linkId, ItemType type, Func<Answer?> make)
        {
            var expected = TypeOf(linkId);
            if (expected is null)
            {
                return this;
            }
            if (expected != type)
            {
                return Invalid(linkId, Expects(expected.Value, linkId));
            }
            if (_answers.ContainsKey(linkId))
            {
                return Invalid(linkId, "is answered more than once");
            }
            if (make() is { } answer)
            {
                _answers[linkId] = answer;
            }
            return this;
        }

        private Answer? Error(string linkId, string message)
        {
            Invalid(linkId, message);
            return null;
        }

        public string Expects(ItemType type, string linkId) => type switch
        {
            ItemType.Boolean => "must be true or false (leave it out if not answered)",
            ItemType.Integer => $"must be a whole number from {_questionnaire.Items[linkId].Min} to {_questionnaire.Items[linkId].Max}",
            _ => $"must be one of {string.Join(", ", _questionnaire.Items[linkId].Options.Select(o => o.Code))}",
        };
    }
}

/// <summary>What is wrong with one item (or "$" for the whole document).</summary>
public sealed record InputError(string Item, string Message)
{
    public override string ToString() => Item == "$" ? Message : $"item '{Item}' {Message}";
}

/// <summary>The answers were refused; every problem found is listed, each naming its item.</summary>
public sealed class AssessmentInputException(IReadOnlyList<InputError> errors)
    : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
