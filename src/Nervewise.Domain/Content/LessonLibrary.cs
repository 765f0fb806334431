using System.Reflection;
using System.Text.RegularExpressions;
using Nervewise.Domain.FirstAid;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Content;

/// <summary>The lessons embedded in the Domain (Content/Lessons/*.md), in reading order.</summary>
public static partial class LessonLibrary
{
    private const string Prefix = "lessons/";

    /// <summary>
    /// Placeholders a lesson may hold, filled in when it loads. Lists of warning signs are never
    /// written by hand in a lesson: they come from assessment-rules.json (<see cref="WarningSigns"/>), so a lesson
    /// says exactly what the engine decides.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<string>> Placeholders { get; } = new Dictionary<string, Func<string>>(StringComparer.Ordinal)
    {
        // Every warning sign, grouped by what to do, most urgent first.
        ["{{warning-signs}}"] = WarningSigns.Markdown,
        // The signs flare-up help asks about before anything else.
        ["{{first-aid-signs}}"] = () => string.Join("\n", WarningSigns.FirstAidScreen().Select(r => $"- {r.Says}")),
        // How long heat is left off a fresh strain, from first-aid-rules.json.
        ["{{fresh-strain-hours}}"] = () => FirstAidRules.Current.FreshStrainHours.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly Lazy<IReadOnlyList<Lesson>> Loaded = new(Load);

    public static IReadOnlyList<Lesson> All => Loaded.Value;

    public static Lesson? Find(string slug) => All.FirstOrDefault(l => l.Slug == slug);

    /// <summary>The lessons about one source of pain, in reading order.</summary>
    public static IReadOnlyList<Lesson> About(Pathway pathway) => [.. All.Where(l => l.Pathway == pathway)];

    /// <summary>
    /// The lesson to link for a person on <paramref name="pathway"/>: <paramref name="slug"/> itself when it is for
    /// everyone or for that pathway; otherwise the first lesson about the person's own source (a strain is not a
    /// nerve, so a nerve-only lesson would mislead).
    /// </summary>
    public static Lesson Fitting(string slug, Pathway pathway)
    {
        var lesson = Find(slug) ?? throw new ArgumentOutOfRangeException(nameof(slug), slug, "No such lesson.");
        return lesson.Pathway is { } about && about != pathway && About(pathway) is [var own, ..] ? own : lesson;
    }

    private static IReadOnlyList<Lesson> Load()
    {
        var assembly = typeof(LessonLibrary).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => Parse(name[Prefix.Length..^".md".Length], Read(assembly, name)))
            .OrderBy(l => l.Order)];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Front matter between two "---" lines (title, summary, order, and pathway when the lesson is about one source), then the Markdown.</summary>
    internal static Lesson Parse(string slug, string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 3 || lines[0].Trim() != "---")
        {
            throw new InvalidOperationException($"Lesson '{slug}' must start with front matter between '---' lines.");
        }
        var end = Array.FindIndex(lines, 1, line => line.Trim() == "---");
        if (end < 0)
        {
            throw new InvalidOperationException($"Lesson '{slug}' has no closing '---' after its front matter.");
        }
        var fields = lines[1..end]
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal);
        string Field(string key) => fields.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"Lesson '{slug}' needs '{key}' in its front matter.");
        Pathway? pathway = null;
        if (fields.TryGetValue("pathway", out var named))
        {
            pathway = RehabNames.TryParsePathway(named, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Lesson '{slug}' names pathway '{named}'; it {RehabNames.PathwayExpected}.");
        }
        return new Lesson(
            slug,
            Field("title"),
            Field("summary"),
            int.Parse(Field("order"), System.Globalization.CultureInfo.InvariantCulture),
            Fill(slug, string.Join('\n', lines[(end + 1)..]).Trim() + "\n"))
        {
            Pathway = pathway,
        };
    }

    /// <summary>Replaces each placeholder; one that is not known stops the load, so a typo never reaches a reader.</summary>
    private static string Fill(string slug, string markdown) => Placeholder().Replace(markdown, match =>
        Placeholders.TryGetValue(match.Value, out var fill)
            ? fill()
            : throw new InvalidOperationException($"Lesson '{slug}' holds an unknown placeholder {match.Value}."));

    [GeneratedRegex(@"\{\{[^{}]*\}\}")]
    private static partial Regex Placeholder();
}
