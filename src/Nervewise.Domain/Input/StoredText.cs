using System.Text.Json;

namespace Nervewise.Domain.Input;

/// <summary>
/// Text a person sends that must be stored as it is. Two things cannot be: a NUL character (PostgreSQL text
/// refuses it) and a lone UTF-16 surrogate (not a character at all, so UTF-8 storage would change it). Both are
/// refused up front with a clear message, rather than failing at the database or being silently altered.
/// </summary>
public static class StoredText
{
    public const string BrokenCharacter = "holds a broken character (invalid UTF-8, or a lone UTF-16 surrogate such as \\uD800); remove it";
    public const string NulCharacter = "holds a NUL character (\\u0000), which cannot be stored; remove it";

    /// <summary>Why the text cannot be stored, or null when it can.</summary>
    public static string? Problem(string? text)
    {
        if (text is null)
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return NulCharacter;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return BrokenCharacter;
            }
        }
        return null;
    }
}

/// <summary>Finds JSON strings that System.Text.Json cannot read as .NET strings (escaped lone surrogates such as "\ud800").</summary>
public static class JsonText
{
    /// <summary>
    /// The dotted path of the first string or property name that cannot be read ("note", "doses.slump-slider"),
    /// "$" when it is at the top, or null when every string reads. Reading such a string throws, so callers ask first.
    /// </summary>
    public static string? FirstUnreadable(JsonElement element) => Find(element, "$");

    private static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(() => element.GetString()) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name = "";
                    if (!Readable(() => name = property.Name))
                    {
                        return path;
                    }
                    if (Find(property.Value, path == "$" ? name : $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
