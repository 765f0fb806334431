namespace Nervewise.Domain.Diary;

/// <summary>Which leg: the person's own left or right, whichever way the picture faces.</summary>
public enum BodySide
{
    Left,
    Right,
}

/// <summary>
/// The side of a pain or flare row. The CSV contract keeps its region items, so the side travels at the start of the
/// note, as "[left]" or "[right]" (then a space and the rest of the note, if any): a spreadsheet shows it as it is,
/// a reader parses it back, and an export followed by an import gives the same note.
/// </summary>
public static class BodySides
{
    /// <summary>The side's word, as the note and the page spell it: "left", "right".</summary>
    public static string Name(BodySide side) => side == BodySide.Left ? "left" : "right";

    /// <summary>Reads "left" or "right" (as a form or a query sends it); anything else is no side.</summary>
    public static BodySide? Parse(string? name) => name switch
    {
        "left" => BodySide.Left,
        "right" => BodySide.Right,
        _ => null,
    };

    /// <summary>Only the legs have sides: the low back is in the middle.</summary>
    public static bool HasSides(string region) => region != "low-back";

    /// <summary>The note to store: "[left]", "[left] rest of the note", or the note unchanged when there is no side.</summary>
    public static string? Note(BodySide? side, string? note)
    {
        if (side is not { } known)
        {
            return note;
        }
        var tag = $"[{Name(known)}]";
        return string.IsNullOrEmpty(note) ? tag : $"{tag} {note}";
    }

    /// <summary>The side a note begins with, and the rest of the note ("" when nothing else was written).</summary>
    public static (BodySide? Side, string Text) Read(string? note)
    {
        note ??= "";
        foreach (var side in (BodySide[])[BodySide.Left, BodySide.Right])
        {
            var tag = $"[{Name(side)}]";
            if (note == tag)
            {
                return (side, "");
            }
            if (note.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                return (side, note[(tag.Length + 1)..]);
            }
        }
        return (null, note);
    }

    /// <summary>A region and side in words: "back of thigh, left"; "low back" when there is no side.</summary>
    public static string Place(string region, BodySide? side) =>
        side is { } known ? $"{DiaryVocabulary.Words(region)}, {Name(known)}" : DiaryVocabulary.Words(region);

    /// <summary>The place of a pain or flare row, its side read from its note.</summary>
    public static string Place(string region, string? note) => Place(region, Read(note).Side);
}
