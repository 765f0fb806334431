using FsCheck;
using FsCheck.Fluent;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Assessment;
using Nervewise.Tests.BadInput;
using Xunit.Abstractions;

namespace Nervewise.Documents.Tests.Fhir;

/// <summary>
/// The answers reader the API and the CLI use, under hostile JSON, in both accepted forms (plain, read by the Domain;
/// FHIR, read here): it returns answers or throws <see cref="AssessmentInputException"/> with errors naming an item,
/// nothing else.
/// </summary>
public class AssessmentInputFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] LinkIds = [.. AssessmentQuestionnaire.Current.Items.Keys];
    private static readonly string[] Screens = [.. AssessmentQuestionnaire.Current.Screens.Select(s => s.Id)];

    private static Gen<string> Key { get; } = Gen.Frequency(
        (4, Gen.Elements(LinkIds)), (1, Gen.Elements(Screens)), (1, Nasty.AnyString), (1, Gen.Elements("resourceType", "item", "answer")));

    private static Gen<string> GoodValue { get; } = Gen.Elements("true", "false", "0", "3", "6", "\"worse\"", "\"better\"", "\"same\"");

    private static Gen<string> PlainObject { get; } =
        Gen.Zip(Key, Gen.Frequency((2, GoodValue), (3, RawJson.AnyValue))).ListOf()
            .Select(pairs => RawJson.Object(pairs.Select(p => (p.Item1, p.Item2))));

    private static Gen<string> AnswerValue { get; } = Gen.Frequency(
        (2, Gen.Elements("true", "false").Select(v => $"{{\"valueBoolean\":{v}}}")),
        (2, Gen.Elements(Nasty.JsonNumbers.ToArray()).Select(v => $"{{\"valueInteger\":{v}}}")),
        (1, Nasty.AnyString.Select(s => $"{{\"valueCoding\":{{\"system\":\"urn:x\",\"code\":{RawJson.Quote(s)}}}}}")),
        (1, Nasty.AnyString.Select(s => $"{{\"valueString\":{RawJson.Quote(s)}}}")),
        (1, Gen.Elements("{\"valueDecimal\":1.5}", "{\"valueDate\":\"0001-01-01\"}", "{\"valueDateTime\":\"9999-12-31T23:59:59+14:00\"}",
            "{\"valueBoolean\":\"yes\"}", "{\"valueInteger\":\"6\"}", "{\"valueCoding\":{}}", "{\"valueCoding\":null}", "{}", "null", "[]",
            "{\"valueBoolean\":true,\"valueInteger\":1}", "{\"valueQuantity\":{\"value\":1e309}}", "{\"valueAttachment\":{\"data\":\"!!\"}}")),
        (1, RawJson.AnyValue));

    private static Gen<string> Item(int size) =>
        from linkId in Gen.Frequency((6, Key.Select(RawJson.Quote)), (1, Gen.Elements("null", "1", "[]", "\"\"")))
        from answers in Gen.Frequency((3, AnswerValue.ListOf(1)), (1, AnswerValue.ListOf()))
        from answerShape in Gen.Choose(0, 9)
        from children in size <= 0 ? Gen.Constant(new List<string>()) : Gen.Sized(s => Item(s / 3)).Resize(size / 3).ListOf().Select(l => l.ToList())
        select "{\"linkId\":" + linkId
            + (answerShape switch { 0 => "", 1 => ",\"answer\":{}", 2 => ",\"answer\":\"x\"", _ => ",\"answer\":" + RawJson.Array(answers) })
            + (children.Count > 0 ? ",\"item\":" + RawJson.Array(children) : "") + "}";

    private static Gen<string> Response { get; } =
        from resourceType in Gen.Frequency((8, Gen.Constant("\"QuestionnaireResponse\"")), (1, Gen.Elements("\"Patient\"", "null", "1", "\"questionnaireresponse\"")))
        from questionnaire in Gen.Elements("", ",\"questionnaire\":\"urn:nervewise:questionnaire:assessment|1.0.0\"",
            ",\"questionnaire\":\"http://example.org/Questionnaire/other\"", ",\"questionnaire\":1", ",\"questionnaire\":\"\\ud800\"")
        from status in Gen.Elements(",\"status\":\"completed\"", "", ",\"status\":\"bogus\"", ",\"status\":null")
        from items in Gen.Sized(Item).ListOf()
        from extra in Gen.Elements("", ",\"unknown\":1", ",\"item\":null", ",\"id\":\"\\u0000\"", ",\"meta\":{\"lastUpdated\":\"0001-01-01T00:00:00Z\"}")
        select "{\"resourceType\":" + resourceType + questionnaire + status + ",\"item\":" + RawJson.Array(items) + extra + "}";

    private static void ParsesOrRefusesClearly(string json)
    {
        try
        {
            var answers = QuestionnaireResponseReader.ParseAnswers(json);
            Assert.All(answers.All.Keys, linkId => Assert.Contains(linkId, LinkIds));
        }
        catch (AssessmentInputException refused)
        {
            Assert.NotEmpty(refused.Errors);
            Assert.All(refused.Errors, error =>
            {
                // The item as it was sent (even "" for an empty key), or "$" for the whole document.
                Assert.NotNull(error.Item);
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            });
        }
    }

    [Fact]
    public void Plain_objects_of_any_shape_are_parsed_or_refused_by_item() =>
        Fuzz.Check(output, "assessment plain objects", PlainObject, 3000, ParsesOrRefusesClearly);

    [Fact]
    public void Fhir_responses_of_any_shape_are_parsed_or_refused_by_item() =>
        Fuzz.Check(output, "assessment FHIR responses", Response, 2000, ParsesOrRefusesClearly);

    [Fact]
    public void Any_json_value_is_parsed_or_refused() =>
        Fuzz.Check(output, "assessment any JSON", RawJson.AnyValue, 2000, ParsesOrRefusesClearly);

    [Fact]
    public void Random_text_is_refused_clearly() =>
        Fuzz.Check(output, "assessment random text", Nasty.AnyString, 2000, ParsesOrRefusesClearly);

    [Fact]
    public void Hand_written_nasty_documents_are_refused_clearly()
    {
        string[] documents =
        [
            .. Nasty.MalformedJson,
            Nasty.Nested(10_000, objects: false), Nasty.Nested(10_000, objects: true), Nasty.Nested(33, objects: true),
            "{\"resourceType\":\"QuestionnaireResponse\",\"item\":" + string.Concat(Enumerable.Repeat("[{\"linkId\":\"screen-where\",\"item\":", 15)) + "[]" + string.Concat(Enumerable.Repeat("}]", 15)) + "}",
            "{\"pins-and-needles\":" + new string('1', AssessmentInput.MaxBytes) + "}",
            "{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":1")) + "}",
            .. LinkIds.SelectMany(id => Nasty.JsonValues.Select(v => $"{{{RawJson.Quote(id)}:{v}}}")),
            .. Nasty.Strings.Select(s => $"{{{RawJson.Quote(s)}:true}}"),
        ];
        Fuzz.Each(output, "assessment hand-written documents", documents, ParsesOrRefusesClearly);
    }
}
