using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

public class InputTests
{
    [Fact]
    public void A_plain_object_gives_typed_answers()
    {
        var answers = AssessmentInput.Parse("""{"pins-and-needles": true, "numbness": false, "weeks-since-onset": 6, "trend": "better"}""");

        Assert.True(answers.Boolean("pins-and-needles"));
        Assert.False(answers.Boolean("numbness"));
        Assert.Equal(6, answers.Number("weeks-since-onset"));
        Assert.Equal("better", answers.Choice("trend"));
        Assert.Null(answers.Boolean("weakness"));
    }

    [Theory]
    [InlineData("""{"pins-and-needle": true}""", "pins-and-needle", "is not an item of the assessment questionnaire")]
    [InlineData("""{"numbness": "yes"}""", "numbness", "must be true or false")]
    [InlineData("""{"numbness": null}""", "numbness", "must be true or false")]
    [InlineData("""{"weeks-since-onset": 6.5}""", "weeks-since-onset", "must be a whole number from 0 to 520")]
    [InlineData("""{"weeks-since-onset": -1}""", "weeks-since-onset", "must be a whole number from 0 to 520, not -1")]
    [InlineData("""{"weeks-of-rehab-without-improvement": 99999999999}""", "weeks-of-rehab-without-improvement", "not 99999999999")]
    [InlineData("""{"trend": "sideways"}""", "trend", "must be one of better, same, worse, not 'sideways'")]
    [InlineData("""{"trend": 2}""", "trend", "must be one of better, same, worse")]
    [InlineData("""{"screen-safety": true}""", "screen-safety", "is not an item")]
    public void Wrong_answers_are_refused_naming_the_item(string json, string item, string message)
    {
        var error = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse(json));

        var only = Assert.Single(error.Errors);
        Assert.Equal(item, only.Item);
        Assert.Contains(message, only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse("""{"nope": true, "numbness": 1, "trend": "up"}"""));

        Assert.Equal(["nope", "numbness", "trend"], error.Errors.Select(e => e.Item));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[true]", "expected a JSON object")]
    [InlineData("""{"resourceType": "Patient"}""", "resourceType must be QuestionnaireResponse")]
    [InlineData("""{"resourceType": "QuestionnaireResponse", "status": "completed"}""", "a FHIR QuestionnaireResponse is not accepted here")]
    public void Malformed_documents_are_refused_as_a_whole(string json, string message)
    {
        var error = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse(json));

        Assert.Equal("$", Assert.Single(error.Errors).Item);
        Assert.Contains(message, error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_questionnaire_response_goes_to_the_callers_reader_only_after_the_json_is_checked()
    {
        var seen = new List<string>();
        AssessmentAnswers Reader(string json)
        {
            seen.Add(json);
            return AssessmentInput.Parse("""{"numbness": true}""");
        }
        const string Response = """{"resourceType": "QuestionnaireResponse", "status": "completed"}""";

        var answers = AssessmentInput.Parse(Response, Reader);
        var broken = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse("""{"resourceType": "QuestionnaireResponse",""", Reader));
        var plain = AssessmentInput.Parse("""{"numbness": false}""", Reader);

        Assert.Equal([Response], seen);
        Assert.True(answers.Boolean("numbness"));
        Assert.Contains("not valid JSON", Assert.Single(broken.Errors).Message, StringComparison.Ordinal);
        Assert.False(plain.Boolean("numbness"));
    }

    [Fact]
    public void Deeply_nested_json_is_refused_not_crashed_on()
    {
        var json = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";

        var error = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse(json));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_answers_read_back_the_same()
    {
        var answers = AssessmentInput.Parse("""{"trend": "same", "pins-and-needles": true, "weeks-since-onset": 3}""");

        var again = AssessmentInput.Parse(System.Text.Json.JsonSerializer.Serialize(answers.ToPlain()));

        Assert.Equal(answers.All, again.All);
    }
}
