using System.Text.RegularExpressions;

namespace Nervewise.Domain.Content;

/// <summary>
/// Flesch reading ease of plain text or Markdown: 206.835 − 1.015 × words per sentence − 84.6 × syllables per
/// word. 60 and above reads easily for a 12-year-old (Flesch 1948). Syllables are counted by vowel groups, the
/// usual approximation; it is close enough to flag text that is too hard, which is all it is used for.
/// </summary>
public static partial class Readability
{
    public static double FleschReadingEase(string markdown)
    {
        var blocks = Blocks(markdown);
        var words = blocks.SelectMany(Words).ToList();
        if (words.Count == 0)
        {
            return 100;
        }
        var sentences = Math.Max(1, blocks.Sum(Sentences));
        var syllables = words.Sum(Syllables);
        return 206.835 - (1.015 * words.Count / sentences) - (84.6 * syllables / words.Count);
    }

    /// <summary>Paragraphs, headings and list items as plain text, each on one line.</summary>
    public static IReadOnlyList<string> Blocks(string markdown)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        void Close()
        {
            if (current.Count > 0)
            {
                blocks.Add(Plain(string.Join(' ', current)).Trim());
                current.Clear();
            }
        }
        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line == "---" || BlockStart().IsMatch(line))
            {
                Close();
            }
            if (line.Length > 0 && line != "---")
            {
                current.Add(line);
            }
        }
        Close();
        return blocks;
    }

    public static IReadOnlyList<string> Words(string text) =>
        [.. WordPattern().Matches(text).Select(m => m.Value)];

    /// <summary>Sentences in one block; a heading or list item without a full stop counts as one.</summary>
    public static int Sentences(string block) =>
        !WordPattern().IsMatch(block) ? 0
        : SentenceEnd().Count(block) + (block.TrimEnd()[^1] is '.' or '!' or '?' ? 0 : 1);

    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant().Trim('\'');
        if (w.Length <= 3)
        {
            return 1;
        }
        // A silent final e (make, settle's -le excepted) does not make a syllable.
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        return Math.Max(1, VowelGroup().Count(w));
    }

    /// <summary>Markdown without its markup: links keep their words, emphasis and list marks go.</summary>
    public static string Plain(string markdown)
    {
        var text = LinkPattern().Replace(markdown, "$1");
        text = MarkupPattern().Replace(text, "");
        return text;
    }

    [GeneratedRegex(@"^(?:#+|[-*]|\d+\.)\s")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"[A-Za-z]+(?:'[A-Za-z]+)?")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?]+(?=\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[aeiouy]+")]
    private static partial Regex VowelGroup();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?m)^\s*(?:#+|[-*]|\d+\.)\s+|\*\*|__|`")]
    private static partial Regex MarkupPattern();
}
