using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Nervewise.Tests.BadInput;

/// <summary>
/// Hostile input for the parsers: hand-picked strings, numbers and times that have broken parsers before,
/// and FsCheck generators that mix them with random text. Shared by the Domain and the web tests (linked).
/// </summary>
public static class Nasty
{
    /// <summary>Odd Unicode and text that looks like something else.</summary>
    public static readonly IReadOnlyList<string> Strings =
    [
        "", " ", "\t", "\r\n", "\n", "\r", "\0", "a\0b", "\u0085", "\u2028", "\u2029",
        "\uD800", "\uDC00", "a\uD800b", "\uDBFF\uDBFF", "\uDFFF\uD800",
        "\u202Ecalf", "\u200Fpain", "\u200B", "ca\u200Blf", "\uFEFF", "\uFEFFcalf", "\uFFFE", "\uFFFF",
        "👩‍👩‍👧‍👦", "🦵🔥", "e\u0301", "Z\u0334\u0321\u0322\u0347\u031C\u032Aa\u0338l\u0335g\u0337o",
        "ＣＡＬＦ", "ｃａｌｆ", "calf\u0000", "CALF", "Calf", "calf ", " calf", "cal f", "low_back", "low--back", "-calf", "calf-",
        "İ", "ı", "ß", "ǅ", "\u0130calf",
        "null", "undefined", "true", "NaN", "Infinity", "-Infinity", "0x10", "1e309", "-1e309", "1e-400", "9".PadRight(400, '9'),
        "٣", "７", "½", "Ⅻ", "1,5", "1.5.5", "+-1", "--1", ".", "-", "+",
        "'; DROP TABLE \"DiaryEntries\"; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "%00", "%s%s%n",
        "\"", "\"\"", "\",\"", ",", ",,,,,", "\"a\nb\"", "a\"b", "\\", "\\u0000", "\\ud800",
        new string('a', 65), new string('x', 2001), new string('é', 10_001), string.Concat(Enumerable.Repeat("🦵", 5_000)),
    ];

    /// <summary>Times at and past the edges of what DateTimeOffset and the databases hold.</summary>
    public static readonly IReadOnlyList<string> Times =
    [
        "0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00",
        "9999-12-31T23:59:59+00:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+14:00",
        "9999-12-31T23:59:59.9999999Z", "1900-01-01T00:00:00+00:00", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
        "2038-01-19T03:14:08Z", "2100-02-29T00:00:00Z", "2024-02-29T12:00:00+01:00", "2026-02-30T12:00:00+01:00",
        "2026-03-01T24:00:00+01:00", "2026-03-01T23:60:00+01:00", "2026-03-01T23:59:60+01:00", "2026-03-01T21:30:00+15:00",
        "2026-03-01T21:30:00+14:01", "2026-03-01T21:30:00-14:00", "2026-03-01T21:30:00+01", "2026-03-01T21:30:00+0100",
        "2026-03-01T21:30:00", "2026-03-01", "21:30", "2026-03-01T21:30:00.12345678+01:00", "+002026-03-01T21:30:00Z",
        "-0001-03-01T21:30:00Z", "10000-01-01T00:00:00Z", "2026-3-1T21:30:00Z", "2026-03-01t21:30:00z", "2026-03-01 21:30:00+01:00",
        " 2026-03-01T21:30:00+01:00 ", "2026-03-01T21:30:00+01:00\0", "２０２６-03-01T21:30:00Z", "1772397000",
    ];

    /// <summary>JSON numbers that do not fit, or only just fit, the types behind them.</summary>
    public static readonly IReadOnlyList<string> JsonNumbers =
    [
        "0", "-0", "1", "-1", "10", "11", "-10", "-11", "0.5", "7.0", "1e1", "1E+1", "1e309", "-1e309", "1e-400", "4.9e-324",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336",
        "0.0000000000000000000000000001", "0.00000000000000000000000000001", "3.14159265358979323846264338327950288419716939937510",
        "1" + new string('0', 400), "0." + new string('0', 400) + "1",
    ];

    /// <summary>JSON values that are not what any field expects, to put where a field goes.</summary>
    public static readonly IReadOnlyList<string> JsonValues =
    [
        "null", "true", "false", "[]", "{}", "[null]", "[1,2]", "{\"a\":1}", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
        "\"\\u202e\"", "\"\\ufeff\"", "\"7\"", "\"calf\"", "\"NaN\"", "\"Infinity\"", "\"1e309\"",
        .. JsonNumbers,
    ];

    /// <summary>Whole bodies that are not valid JSON, or are JSON but not an object.</summary>
    public static readonly IReadOnlyList<string> MalformedJson =
    [
        "", " ", "{", "}", "[", "{\"a\"", "{\"a\":}", "{\"a\":1,}", "{,}", "{'a':1}", "{a:1}", "{\"a\":1}{}", "{\"a\":1}x", "\"\\", "\0",
        "{\"a\":01}", "{\"a\":.5}", "{\"a\":1.}", "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":0x1F}",
        "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}", "{\"a\":\"line\nbreak\"}", "{\"a\":tru}", "{\"a\":nul}",
        "// comment\n{}", "/* c */{}", "{\"a\":1 /* c */}", "\uFEFF{}", "{}\uFEFF", "null", "true", "0", "\"text\"", "[]", "[{}]",
        "{\"a\":1,\"a\":2}", "{\"\":1}", "{\"\\u0000\":1}", "{\"\\ud800\":1}",
    ];

    /// <summary>Arrays or objects nested <paramref name="depth"/> deep.</summary>
    public static string Nested(int depth, bool objects) => objects
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + new string(']', depth);

    /// <summary>Random strings: hand-picked nasty ones, random Unicode (surrogates included), and mixes of both.</summary>
    public static Gen<string> AnyString { get; } = Gen.Frequency(
        (3, Gen.Elements(Strings.ToArray())),
        (2, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
        (2, Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(chars => new string(chars))),
        (1, Gen.Elements(Strings.ToArray()).ListOf().Select(parts => string.Concat(parts))));

    /// <summary>Random bytes, often with a BOM, quotes, commas and line ends mixed in.</summary>
    public static Gen<byte[]> AnyBytes { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()),
        (2, Gen.Elements<byte>(0xEF, 0xBB, 0xBF, (byte)'"', (byte)',', (byte)'\r', (byte)'\n', 0, 0xFF, 0xC3, 0x80, (byte)'a').ArrayOf()));

    public static string Utf8(byte[] bytes) => new UTF8Encoding(false, false).GetString(bytes);

    /// <summary>Takes a fixed number of samples with a fixed seed, so a web test sends the same inputs each run.</summary>
    public static IReadOnlyList<T> Samples<T>(Gen<T> gen, int count, ulong seed, int size = 30) =>
        [.. Gen.Sample(gen, count, new Rnd(seed), size)];
}

/// <summary>Builds JSON text by hand, so that it can hold what a serializer would refuse to write (lone surrogates, NUL).</summary>
public static class RawJson
{
    /// <summary>A JSON string literal; control characters and every surrogate are escaped, so lone ones survive as \uXXXX.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\uD800' and <= '\uDFFF') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    public static string Object(IEnumerable<(string Key, string Value)> properties) =>
        "{" + string.Join(",", properties.Select(p => $"{Quote(p.Key)}:{p.Value}")) + "}";

    public static string Array(IEnumerable<string> values) => "[" + string.Join(",", values) + "]";

    /// <summary>Any JSON value, nested as deep as the size allows, with nasty strings and numbers.</summary>
    public static Gen<string> AnyValue { get; } = Gen.Sized(Value);

    private static Gen<string> Value(int size)
    {
        var leaf = Gen.Frequency(
            (3, Gen.Elements(Nasty.JsonValues.ToArray())),
            (2, Nasty.AnyString.Select(Quote)),
            (1, Gen.Choose(int.MinValue, int.MaxValue).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (size <= 0)
        {
            return leaf;
        }
        var child = Gen.Sized(s => Value(s / 3)).Resize(size / 3);
        return Gen.Frequency(
            (4, leaf),
            (1, child.ListOf().Select(Array)),
            (1, Gen.Zip(Nasty.AnyString, child).ListOf().Select(p => Object(p.Select(x => (x.Item1, x.Item2))))));
    }
}
