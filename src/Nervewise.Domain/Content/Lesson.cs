using Nervewise.Domain.Rehab;

namespace Nervewise.Domain.Content;

/// <summary>A short lesson: Markdown written in our own words, ending with its sources.</summary>
public sealed record Lesson(string Slug, string Title, string Summary, int Order, string Markdown)
{
    /// <summary>The one source of pain the lesson is about (front matter <c>pathway:</c>); null when it is for everyone.</summary>
    public Pathway? Pathway { get; init; }

    /// <summary>The body without its sources, the part a reader reads through.</summary>
    public string Body => Markdown[..SourcesAt()];

    /// <summary>The entries of the closing "Sources" list.</summary>
    public IReadOnlyList<string> Sources =>
        [.. Markdown[SourcesAt()..].Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("- ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())];

    /// <summary>Roughly how long a reader needs, at 200 words a minute.</summary>
    public int Minutes => Math.Max(1, (int)Math.Round(Readability.Words(Body).Count / 200.0));

    private int SourcesAt()
    {
        var at = Markdown.IndexOf("\n## Sources", StringComparison.Ordinal);
        return at < 0 ? Markdown.Length : at;
    }
}
