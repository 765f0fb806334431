using System.Globalization;

namespace Nervewise.Web.Diary;

/// <summary>
/// Chart numbers as <c>ToString("0.#", CultureInfo.InvariantCulture)</c> writes them, without parsing that format for
/// every point: the charts write hundreds of them per page (issue 19). A value that sits on a rounding tie, is
/// negative or very large is left to the framework, so the text is always the framework's to the byte.
/// </summary>
internal static class SvgNumber
{
    // Far wider than the error of v * 10 or of the framework's 15-digit rounding for values below a million.
    private const double TieMargin = 1e-6;

    /// <summary>A whole number in the invariant culture, with no string made for it.</summary>
    public static void Write(TextWriter writer, int value)
    {
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        writer.Write(text[..length]);
    }

    public static void Write(TextWriter writer, double value)
    {
        Span<char> text = stackalloc char[32];
        writer.Write(text[..Format(value, text)]);
    }

    /// <summary>Writes the value into <paramref name="text"/> (32 characters are always enough) and returns its length.</summary>
    public static int Format(double value, Span<char> text)
    {
        if (value >= 0 && value < 1e6)
        {
            var tenths = value * 10;
            var whole = Math.Floor(tenths);
            var rest = tenths - whole;
            if (Math.Abs(rest - 0.5) > TieMargin)
            {
                var rounded = (long)whole + (rest > 0.5 ? 1 : 0);
                var (units, tenth) = Math.DivRem(rounded, 10);
                units.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
                if (tenth != 0)
                {
                    text[length++] = '.';
                    text[length++] = (char)('0' + tenth);
                }
                return length;
            }
        }
        value.TryFormat(text, out var written, "0.#", CultureInfo.InvariantCulture);
        return written;
    }
}
