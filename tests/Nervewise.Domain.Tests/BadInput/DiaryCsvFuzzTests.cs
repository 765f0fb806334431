using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Nervewise.Domain.Diary;
using Nervewise.Tests.BadInput;
using Xunit.Abstractions;

namespace Nervewise.Domain.Tests.BadInput;

/// <summary>
/// The diary CSV reader under hostile files: it returns entries or throws <see cref="DiaryCsvException"/>, nothing
/// else, and each error names a real line and a real column.
/// </summary>
public class DiaryCsvFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Types = ["pain", "symptom", "activity", "exercise", "flare", "sleep", "checkin", "relief", "PAIN", "", "pain "];
    private static readonly string[] Items = ["calf", "low-back", "night", "stress", "heat", "driving", "slump-slider", "pins-and-needles", "saddle-numbness"];
    private static readonly string[] Values = ["", "0", "7", "10", "-10", "3.5", "4", "24", "11", "-1", "7.0", "1e3", "1,5", "0.0000000000000000000000000001",
        "79228162514264337593543950336", "NaN", " 7"];
    private static readonly string[] Durations = ["", "0", "20", "20160", "20161", "-1", "2147483648", "1.5", "+5", " 5"];
    private static readonly string[] LineEnds = ["\r\n", "\n", "\r", "\n\r", "\r\r\n"];

    /// <summary>A field as a spreadsheet or a careless script might write it: plain, quoted, or broken.</summary>
    private static Gen<string> Field(Gen<string> text) => Gen.Frequency(
        (6, text),
        (2, text.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")),
        (1, text.Select(t => $"\"{t}")),
        (1, text.Select(t => $"{t}\"x")));

    private static Gen<string> Row { get; } =
        from time in Field(Gen.Frequency((3, Gen.Elements(Nasty.Times.ToArray())), (1, Nasty.AnyString)))
        from type in Field(Gen.Frequency((4, Gen.Elements(Types)), (1, Nasty.AnyString)))
        from item in Field(Gen.Frequency((4, Gen.Elements(Items)), (1, Nasty.AnyString)))
        from value in Field(Gen.Frequency((4, Gen.Elements(Values)), (1, Nasty.AnyString)))
        from duration in Field(Gen.Frequency((4, Gen.Elements(Durations)), (1, Nasty.AnyString)))
        from note in Field(Nasty.AnyString)
        from extra in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Choose(1, 3)), (1, Gen.Constant(-1)))
        select extra switch
        {
            -1 => string.Join(',', time, type, item),
            0 => string.Join(',', time, type, item, value, duration, note),
            _ => string.Join(',', time, type, item, value, duration, note) + new string(',', extra),
        };

    /// <summary>A header (usually right), rows, and mixed line ends, sometimes with a BOM or a missing final line end.</summary>
    private static Gen<string> File { get; } =
        from bom in Gen.Frequency((4, Gen.Constant("")), (1, Gen.Constant("\uFEFF")))
        from header in Gen.Frequency((8, Gen.Constant(DiaryCsv.Header)), (1, Gen.Constant("time;type;item;value;duration_minutes;note")),
            (1, Gen.Constant("TIME,type,item,value,duration_minutes,note")), (1, Nasty.AnyString))
        from rows in Row.ListOf()
        from ends in Gen.Elements(LineEnds).ArrayOf(rows.Count + 1)
        from final in Gen.Elements(true, false)
        select bom + header + ends[0] + string.Concat(rows.Select((row, i) => row + (i < rows.Count - 1 || final ? ends[i + 1] : "")));

    /// <summary>Reads the text; a refusal must be the documented exception with lines and columns that exist.</summary>
    private static void ReadsOrRefusesClearly(string text)
    {
        try
        {
            var entries = DiaryCsv.Read(new StringReader(text));
            Assert.All(entries, entry => Assert.Empty(DiaryEntry.Check(entry.Type, entry.Item, entry.Value, entry.DurationMinutes, entry.Note)));
        }
        catch (DiaryCsvException refused)
        {
            Assert.InRange(refused.Errors.Count, 1, DiaryCsv.MaxErrors);
            var lines = PhysicalLines(text);
            Assert.All(refused.Errors, error =>
            {
                Assert.InRange(error.Line, 1, lines);
                Assert.True(error.Column.Length == 0 || DiaryCsv.Columns.Contains(error.Column), $"unknown column '{error.Column}'");
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            });
        }
    }

    private static int PhysicalLines(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }
        return lines;
    }

    [Fact]
    public void Generated_files_are_read_or_refused_with_real_lines_and_columns() =>
        Fuzz.Check(output, "csv generated files", File, 3000, ReadsOrRefusesClearly);

    [Fact]
    public void Random_text_is_read_or_refused_with_real_lines_and_columns() =>
        Fuzz.Check(output, "csv random text", Nasty.AnyString.Select(s => DiaryCsv.Header + "\n" + s), 2000, ReadsOrRefusesClearly);

    [Fact]
    public void Random_bytes_decoded_as_utf8_are_read_or_refused() =>
        Fuzz.Check(output, "csv random bytes", Nasty.AnyBytes, 2000, bytes =>
        {
            using var reader = new StreamReader(new MemoryStream([.. Encoding.UTF8.GetBytes(DiaryCsv.Header + "\r\n"), .. bytes]), Encoding.UTF8);
            ReadsOrRefusesClearly(reader.ReadToEnd());
        });

    /// <summary>One bad line in a good file refuses the whole file and names that line.</summary>
    [Fact]
    public void One_bad_line_among_good_ones_refuses_the_file_and_names_the_line()
    {
        var good = "2026-03-01T21:30:00+01:00,pain,calf,6,,fine";
        var bad = Gen.Elements(
            "2026-03-01T21:30:00+01:00,pain,elbow,6,,", "2026-03-01T21:30:00,pain,calf,6,,", "2026-03-01T21:30:00+01:00,pain,calf,11,,",
            "2026-03-01T21:30:00+01:00,activity,walking,,,", "2026-03-01T21:30:00+01:00,pain,calf,6,,\"open", "0001-01-01T00:00:00+14:00,pain,calf,6,,",
            "2026-03-01T21:30:00+01:00,pain,calf,6", "2026-03-01T21:30:00+01:00,pain,calf,6,,," , "2026-03-01T21:30:00+01:00,sleep,night,1e309,,",
            "2026-03-01T21:30:00+01:00,pain,calf,6,,a\"b");
        var cases = from before in Gen.Choose(0, 40)
                    from after in Gen.Choose(0, 40)
                    from line in bad
                    select (before, after, line);
        Fuzz.Check(output, "csv one bad line", cases, 500, c =>
        {
            var text = DiaryCsv.Header + "\r\n" + string.Concat(Enumerable.Repeat(good + "\r\n", c.before)) + c.line + "\r\n"
                + string.Concat(Enumerable.Repeat(good + "\r\n", c.after));
            var refused = Assert.Throws<DiaryCsvException>(() => DiaryCsv.Read(new StringReader(text)));
            Assert.Contains(refused.Errors, e => e.Line == c.before + 2);
        });
    }

    [Fact]
    public void Hand_written_nasty_files_are_read_or_refused()
    {
        var huge = new string('x', 1_000_000);
        string[] files =
        [
            "", "\uFEFF", "\r\n", "\0\0\0", "time", DiaryCsv.Header, DiaryCsv.Header + "\r\n\r\n\r\n",
            DiaryCsv.Header + "\r\n" + "\"" + huge, DiaryCsv.Header + "\r\n" + huge,
            DiaryCsv.Header + "\r\n" + "2026-03-01T21:30:00+01:00,pain,calf,6,,\"" + huge + "\"",
            DiaryCsv.Header + "\r\n" + new string(',', 1_000_000),
            DiaryCsv.Header + "\r\n" + string.Concat(Enumerable.Repeat("\"\"", 500_000)),
            DiaryCsv.Header + "\r\n" + string.Concat(Enumerable.Repeat("\n", 200_000)) + "x",
            DiaryCsv.Header + "\r\n" + string.Concat(Enumerable.Repeat("bad\r\n", 10_000)),
            "\uFEFF\uFEFF" + DiaryCsv.Header, "\"time\",\"type\",\"item\",\"value\",\"duration_minutes\",\"note\"\r\n",
            DiaryCsv.Header + "\r\n2026-03-01T21:30:00+01:00,pain,calf,6,,\"a\r\nb\rc\nd\"\r\n",
        ];
        Fuzz.Each(output, "csv hand-written files", files.Concat(Nasty.Times.Select(t => $"{DiaryCsv.Header}\n{t},pain,calf,5,,\n")), ReadsOrRefusesClearly);
    }

    [Fact]
    public void Time_parsing_never_throws_and_what_it_reads_round_trips() =>
        Fuzz.Check(output, "diary time", Gen.Frequency((1, Gen.Elements(Nasty.Times.ToArray())), (1, Nasty.AnyString)), 3000,
            text =>
            {
                // Whatever it reads, it writes back in a form it reads again to the same instant and offset.
                if (DiaryTime.TryParse(text, out var time))
                {
                    Assert.True(DiaryTime.TryParse(DiaryTime.Format(time), out var again));
                    Assert.Equal((time.UtcTicks, time.Offset), (again.UtcTicks, again.Offset));
                }
            });
}
