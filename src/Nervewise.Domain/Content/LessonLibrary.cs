using System.Reflection;

namespace Nervewise.Domain.Content;

/// <summary>The lessons embedded in the Domain (Content/Lessons/*.md), in reading order.</summary>
public static class LessonLibrary
{
    private const string Prefix = "lessons/";

    private static readonly Lazy<IReadOnlyList<Lesson>> Loaded = new(Load);

    public static IReadOnlyList<Lesson> All => Loaded.Value;

    public static Lesson? Find(string slug) => All.FirstOrDefault(l => l.Slug == slug);

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

    /// <summary>Front matter between two "---" lines (title, summary, order), then the Markdown.</summary>
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
        return new Lesson(
            slug,
            Field("title"),
            Field("summary"),
            int.Parse(Field("order"), System.Globalization.CultureInfo.InvariantCulture),
            string.Join('\n', lines[(end + 1)..]).Trim() + "\n");
    }
}
