using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

public class InputTests
{
    private const string FhirResponse = """
        {
          "resourceType": "QuestionnaireResponse",
          "questionnaire": "urn:nervewise:questionnaire:assessment|1.0.0",
          "status": "completed",
          "item": [
            { "linkId": "screen-where", "item": [
              { "linkId": "pins-and-needles", "answer": [ { "valueBoolean": true } ] },
              { "linkId": "numbness", "answer": [ { "valueBoolean": false } ] } ] },
            { "linkId": "screen-course", "item": [
              { "linkId": "weeks-since-onset", "answer": [ { "valueInteger": 6 } ] },
              { "linkId": "trend", "answer": [ { "valueCoding": { "system": "urn:nervewise:trend", "code": "worse" } } ] } ] }
          ]
        }
        """;

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

    [Fact]
    public void A_fhir_response_with_nested_groups_gives_the_same_answers()
    {
        var answers = AssessmentInput.Parse(FhirResponse);

        Assert.True(answers.Boolean("pins-and-needles"));
        Assert.False(answers.Boolean("numbness"));
        Assert.Equal(6, answers.Number("weeks-since-onset"));
        Assert.Equal("worse", answers.Choice("trend"));
        Assert.Equal(4, answers.All.Count);
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
    [InlineData("""{"resourceType": "QuestionnaireResponse", "status": "completed", "item": {"linkId": 3}}""", "not a valid FHIR R4 QuestionnaireResponse")]
    [InlineData("""{"resourceType": "QuestionnaireResponse", "status": "completed", "questionnaire": "http://example.org/Questionnaire/phq9"}""", "not urn:nervewise:questionnaire:assessment")]
    public void Malformed_documents_are_refused_as_a_whole(string json, string message)
    {
        var error = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse(json));

        Assert.Equal("$", Assert.Single(error.Errors).Item);
        Assert.Contains(message, error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fhir_answer_of_the_wrong_type_names_the_item()
    {
        var json = FhirResponse.Replace("{ \"valueInteger\": 6 }", "{ \"valueString\": \"six\" }", StringComparison.Ordinal);

        var error = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse(json));

        Assert.Equal("weeks-since-onset", Assert.Single(error.Errors).Item);
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
