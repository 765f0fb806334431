using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Nervewise.Domain.Assessment;

public sealed record ChoiceOption(string Code, string Display);

/// <summary>Show an item only when an earlier yes/no item has this answer.</summary>
public sealed record EnableWhen(string Question, bool Answer);

public sealed record QuestionItem(
    string LinkId,
    string Text,
    ItemType Type,
    string ScreenId,
    int? Min,
    int? Max,
    IReadOnlyList<ChoiceOption> Options,
    EnableWhen? EnableWhen)
{
    /// <summary>Whether the item applies, given the answers so far (FHIR enableWhen).</summary>
    public bool IsEnabled(AssessmentAnswers answers) =>
        EnableWhen is null || answers.Boolean(EnableWhen.Question) == EnableWhen.Answer;
}

/// <summary>One short group of questions: one screen on a phone.</summary>
public sealed record Screen(string Id, string Title, string? Intro, IReadOnlyList<QuestionItem> Items);

/// <summary>
/// The assessment questionnaire, read from the FHIR R4 Questionnaire embedded beside this file: the single
/// source of the questions for the web pages, the API and the CLI.
/// </summary>
public sealed class AssessmentQuestionnaire
{
    public const string Canonical = "urn:nervewise:questionnaire:assessment";
    private const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
    private const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private const string ScreenIntro = "urn:nervewise:screen-intro";

    private static readonly Lazy<AssessmentQuestionnaire> Loaded = new(Load);

    private AssessmentQuestionnaire(string json, Questionnaire resource, IReadOnlyList<Screen> screens)
    {
        Json = json;
        Resource = resource;
        Screens = screens;
        Items = screens.SelectMany(s => s.Items).ToDictionary(i => i.LinkId, StringComparer.Ordinal);
    }

    public static AssessmentQuestionnaire Current => Loaded.Value;

    /// <summary>The FHIR JSON as stored, served unchanged by the API.</summary>
    public string Json { get; }

    public Questionnaire Resource { get; }

    public string Version => Resource.Version ?? "";

    public IReadOnlyList<Screen> Screens { get; }

    public IReadOnlyDictionary<string, QuestionItem> Items { get; }

    private static AssessmentQuestionnaire Load()
    {
        var json = EmbeddedData.Read("assessment-questionnaire.json");
        var resource = FhirJson.Parse<Questionnaire>(json);
        var screens = resource.Item.Select(group => new Screen(
            Required(group.LinkId),
            Required(group.Text),
            group.GetExtensionValue<FhirString>(ScreenIntro)?.Value,
            [.. group.Item.Select(item => ToItem(Required(group.LinkId), item))])).ToList();
        return new AssessmentQuestionnaire(json, resource, screens);
    }

    private static QuestionItem ToItem(string screen, Questionnaire.ItemComponent item)
    {
        var type = item.Type switch
        {
            Questionnaire.QuestionnaireItemType.Boolean => ItemType.Boolean,
            Questionnaire.QuestionnaireItemType.Integer => ItemType.Integer,
            Questionnaire.QuestionnaireItemType.Choice => ItemType.Choice,
            var other => throw new InvalidOperationException($"Item '{item.LinkId}' has type {other}, which the assessment does not use."),
        };
        var enableWhen = item.EnableWhen.SingleOrDefault() is { Answer: FhirBoolean answer } condition
            ? new EnableWhen(Required(condition.Question), answer.Value ?? true)
            : null;
        return new QuestionItem(
            Required(item.LinkId),
            Required(item.Text),
            type,
            screen,
            item.GetExtensionValue<Integer>(MinValue)?.Value,
            item.GetExtensionValue<Integer>(MaxValue)?.Value,
            [.. item.AnswerOption.Select(o => o.Value).OfType<Coding>().Select(c => new ChoiceOption(Required(c.Code), Required(c.Display)))],
            enableWhen);
    }

    private static string Required(string? value) =>
        value ?? throw new InvalidOperationException("The embedded assessment questionnaire lacks a linkId, text or code.");
}

internal static class EmbeddedData
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The data file '{name}' is not embedded in the Domain assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T ReadJson<T>(string name) =>
        JsonSerializer.Deserialize<T>(Read(name), Options)
            ?? throw new InvalidOperationException($"The data file '{name}' is empty.");
}

/// <summary>FHIR JSON in and out through the Firely SDK, with its errors as one readable message.</summary>
public static class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static T Parse<T>(string json) where T : Resource =>
        TryParse(json, out var resource, out var error) && resource is T typed
            ? typed
            : throw new FormatException(error ?? $"The JSON is a {resource?.TypeName}, not a {typeof(T).Name}.");

    public static bool TryParse(string json, out Resource? resource, out string? error)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        try
        {
            if (Deserializer.TryDeserializeResource(ref reader, out resource, out var issues))
            {
                error = null;
                return true;
            }
            error = string.Join("; ", issues.Select(i => i.Message).Take(5));
            return false;
        }
        // The SDK also throws InvalidOperationException on some malformed shapes and IndexOutOfRangeException on an
        // empty property name: whatever it throws on text from outside means the text is not FHIR we can read.
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            (resource, error) = (null, ex.Message);
            return false;
        }
    }

    public static string Serialize(Resource resource, bool pretty = false) => resource.ToJson(pretty);
}
