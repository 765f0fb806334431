using Nervewise.Documents.Fhir;
using Nervewise.Domain.Assessment;

namespace Nervewise.Documents.Tests.Fhir;

/// <summary>Answers sent as a FHIR QuestionnaireResponse (moved from the Domain's InputTests with ADR 0019).</summary>
public class QuestionnaireResponseReaderTests
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
    public void A_fhir_response_with_nested_groups_gives_the_same_answers()
    {
        var answers = QuestionnaireResponseReader.ParseAnswers(FhirResponse);

        Assert.True(answers.Boolean("pins-and-needles"));
        Assert.False(answers.Boolean("numbness"));
        Assert.Equal(6, answers.Number("weeks-since-onset"));
        Assert.Equal("worse", answers.Choice("trend"));
        Assert.Equal(4, answers.All.Count);
    }

    [Fact]
    public void Plain_answers_are_read_too()
    {
        var answers = QuestionnaireResponseReader.ParseAnswers("""{"pins-and-needles": true, "trend": "better"}""");

        Assert.Equal(2, answers.All.Count);
        Assert.Equal("better", answers.Choice("trend"));
    }

    [Theory]
    [InlineData("https://clinic.example/fhir/Questionnaire/assessment")]
    [InlineData("https://clinic.example/fhir/Questionnaire/assessment|1.2.0")]
    [InlineData("http://localhost:5000/fhir/Questionnaire/assessment|1.0.0")]
    [InlineData("urn:nervewise:questionnaire:assessment")]
    public void A_response_citing_the_served_url_or_the_old_urn_is_read(string canonical)
    {
        var answers = QuestionnaireResponseReader.ParseAnswers(FhirResponse.Replace("urn:nervewise:questionnaire:assessment|1.0.0", canonical, StringComparison.Ordinal));

        Assert.True(answers.Boolean("pins-and-needles"));
        Assert.Equal(6, answers.Number("weeks-since-onset"));
    }

    [Fact]
    public void The_url_the_export_cites_is_read_back()
    {
        var cited = FhirQuestionnaire.For(new Uri("https://clinic.example/fhir/")).Url + "|" + AssessmentQuestionnaire.Current.Version;

        Assert.True(QuestionnaireResponseReader.ParseAnswers(FhirResponse.Replace("urn:nervewise:questionnaire:assessment|1.0.0", cited, StringComparison.Ordinal)).Boolean("pins-and-needles"));
    }

    [Theory]
    [InlineData("http://example.org/Questionnaire/phq9")]
    [InlineData("https://clinic.example/fhir/Questionnaire/phq9")]
    [InlineData("https://other.example/Questionnaire/assessment")]
    [InlineData("urn:nervewise:questionnaire:other")]
    public void A_response_to_another_questionnaire_is_refused(string canonical)
    {
        var json = FhirResponse.Replace("urn:nervewise:questionnaire:assessment|1.0.0", canonical, StringComparison.Ordinal);

        var error = Assert.Throws<AssessmentInputException>(() => QuestionnaireResponseReader.ParseAnswers(json));

        Assert.Contains($"this response answers '{canonical}', not urn:nervewise:questionnaire:assessment", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"resourceType": "Patient"}""", "resourceType must be QuestionnaireResponse")]
    [InlineData("""{"resourceType": "QuestionnaireResponse", "status": "completed", "item": {"linkId": 3}}""", "not a valid FHIR R4 QuestionnaireResponse")]
    [InlineData("""{"resourceType": "QuestionnaireResponse", "status": "completed", "questionnaire": "http://example.org/Questionnaire/phq9"}""", "not urn:nervewise:questionnaire:assessment")]
    public void Malformed_documents_are_refused_as_a_whole(string json, string message)
    {
        var error = Assert.Throws<AssessmentInputException>(() => QuestionnaireResponseReader.ParseAnswers(json));

        Assert.Equal("$", Assert.Single(error.Errors).Item);
        Assert.Contains(message, error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fhir_answer_of_the_wrong_type_names_the_item()
    {
        var json = FhirResponse.Replace("{ \"valueInteger\": 6 }", "{ \"valueString\": \"six\" }", StringComparison.Ordinal);

        var error = Assert.Throws<AssessmentInputException>(() => QuestionnaireResponseReader.ParseAnswers(json));

        Assert.Equal("weeks-since-onset", Assert.Single(error.Errors).Item);
    }

    [Theory]
    // The FHIR SDK throws IndexOutOfRangeException on an empty property name, InvalidOperationException on an object where an array belongs.
    [InlineData("""{"resourceType":"QuestionnaireResponse","item":[{"linkId":"screen-where","answer":[{"":1}]}]}""")]
    [InlineData("""{"resourceType":"QuestionnaireResponse","item":[{"linkId":"numbness","answer":{}}]}""")]
    public void A_malformed_fhir_response_is_refused_as_not_fhir(string json)
    {
        var refused = Assert.Throws<AssessmentInputException>(() => QuestionnaireResponseReader.ParseAnswers(json));

        Assert.StartsWith("not a valid FHIR R4 QuestionnaireResponse", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fhir_response_to_questionnaire_1_0_0_still_assesses()
    {
        const string Response = """
            {"resourceType": "QuestionnaireResponse", "status": "completed",
             "questionnaire": "urn:nervewise:questionnaire:assessment|1.0.0",
             "item": [
               {"linkId": "screen-safety", "item": [
                 {"linkId": "bladder-bowel-change", "answer": [{"valueBoolean": false}]},
                 {"linkId": "both-legs", "answer": [{"valueBoolean": true}]}]},
               {"linkId": "screen-where", "item": [
                 {"linkId": "pins-and-needles", "answer": [{"valueBoolean": true}]}]}]}
            """;

        var document = AssessmentDocument.From(AssessmentEngine.Assess(QuestionnaireResponseReader.ParseAnswers(Response)));

        Assert.Equal("today", document.Urgency);
        Assert.Contains(new AssessmentDocument.RedFlagEntry("calf-swelling", "today"), document.UnansweredRedFlags!);
        Assert.DoesNotContain(document.UnansweredRedFlags!, r => r.Item is "bladder-bowel-change" or "both-legs");
    }
}
