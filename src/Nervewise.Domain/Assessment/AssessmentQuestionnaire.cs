using System.Text.Json;

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
/// source of the questions for the web pages, the API and the CLI. It is our own data file, so plain
/// System.Text.Json reads the few parts we use; Nervewise.Documents checks it is valid FHIR (ADR 0019).
/// </summary>
public sealed class AssessmentQuestionnaire
{
    public const string Canonical = "urn:nervewise:questionnaire:assessment";
    private const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
    private const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";

    private static readonly Lazy<AssessmentQuestionnaire> Loaded = new(Load);

    private AssessmentQuestionnaire(string json, string version, IReadOnlyList<Screen> screens)
    {
        Json = json;
        Version = version;
        Screens = screens;
        Items = screens.SelectMany(s => s.Items).ToDictionary(i => i.LinkId, StringComparer.Ordinal);
    }

    public static AssessmentQuestionnaire Current => Loaded.Value;

    /// <summary>The FHIR JSON as stored, served unchanged by the API.</summary>
    public string Json { get; }

    public string Version { get; }

    public IReadOnlyList<Screen> Screens { get; }

    public IReadOnlyDictionary<string, QuestionItem> Items { get; }

    private static AssessmentQuestionnaire Load()
    {
        var json = EmbeddedData.Read("assessment-questionnaire.json");
        var file = JsonSerializer.Deserialize<FileJson>(json, EmbeddedData.Options)
            ?? throw new InvalidOperationException("The embedded assessment questionnaire is empty.");
        if (file.ResourceType != "Questionnaire" || file.Url != Canonical)
        {
            throw new InvalidOperationException($"The embedded assessment questionnaire is not the Questionnaire {Canonical}.");
        }
        var screens = (file.Item ?? []).Select(group => group.Type == "group"
            ? new Screen(
                Required(group.LinkId),
                Required(group.Text),
                // The introduction is a display item, first in the group, so every FHIR renderer shows it too.
                (group.Item ?? []).FirstOrDefault(item => item.Type == "display")?.Text,
                [.. (group.Item ?? []).Where(item => item.Type != "display").Select(item => ToItem(Required(group.LinkId), item))])
            : throw new InvalidOperationException($"Top-level item '{group.LinkId}' is a {group.Type}, not a group (a screen).")).ToList();
        return new AssessmentQuestionnaire(json, file.Version ?? "", screens);
    }

    private static QuestionItem ToItem(string screen, ItemJson item)
    {
        var type = item.Type switch
        {
            "boolean" => ItemType.Boolean,
            "integer" => ItemType.Integer,
            "choice" => ItemType.Choice,
            var other => throw new InvalidOperationException($"Item '{item.LinkId}' has type {other}, which the assessment does not use."),
        };
        var enableWhen = (item.EnableWhen ?? []) switch
        {
            [] => null,
            [{ AnswerBoolean: var answer } condition] => new EnableWhen(Required(condition.Question), answer ?? true),
            _ => throw new InvalidOperationException($"Item '{item.LinkId}' has more than one enableWhen, which the assessment does not use."),
        };
        return new QuestionItem(
            Required(item.LinkId),
            Required(item.Text),
            type,
            screen,
            item.Extension?.FirstOrDefault(e => e.Url == MinValue)?.ValueInteger,
            item.Extension?.FirstOrDefault(e => e.Url == MaxValue)?.ValueInteger,
            [.. (item.AnswerOption ?? []).Select(o => o.ValueCoding).OfType<CodingJson>().Select(c => new ChoiceOption(Required(c.Code), Required(c.Display)))],
            enableWhen);
    }

    private static string Required(string? value) =>
        value ?? throw new InvalidOperationException("The embedded assessment questionnaire lacks a linkId, text or code.");

    // The parts of the FHIR Questionnaire the assessment reads; the rest of the file is for FHIR readers.
    private sealed record FileJson(string? ResourceType, string? Url, string? Version, IReadOnlyList<ItemJson>? Item);

    private sealed record ItemJson(
        string? LinkId, string? Text, string? Type, IReadOnlyList<ItemJson>? Item, IReadOnlyList<ExtensionJson>? Extension,
        IReadOnlyList<EnableWhenJson>? EnableWhen, IReadOnlyList<AnswerOptionJson>? AnswerOption);

    private sealed record ExtensionJson(string? Url, string? ValueString, int? ValueInteger);

    private sealed record EnableWhenJson(string? Question, bool? AnswerBoolean);

    private sealed record AnswerOptionJson(CodingJson? ValueCoding);

    private sealed record CodingJson(string? Code, string? Display);
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

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T ReadJson<T>(string name) =>
        JsonSerializer.Deserialize<T>(Read(name), Options)
            ?? throw new InvalidOperationException($"The data file '{name}' is empty.");
}
