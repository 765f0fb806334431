using System.Globalization;
using System.Text;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Tests.Diary;

/// <summary>Notes a spreadsheet would run as formulas, bytes that are not UTF-8, and reading a file row by row.</summary>
public class DiaryCsvSafetyTests
{
    private static DiaryEntry Pain(string note, int day = 1) =>
        DiaryEntry.Create(new DateTimeOffset(2026, 3, day, 8, 0, 0, TimeSpan.FromHours(1)), EntryType.Pain, "calf", 3, null, note);

    public static TheoryData<string, string> Notes => new()
    {
        // note, as the file carries it (after RFC 4180 quoting)
        { "=1+1", "'=1+1" },
        { "=HYPERLINK(\"http://x.example\")", "\"'=HYPERLINK(\"\"http://x.example\"\")\"" },
        { "+1", "'+1" },
        { "-5 today", "'-5 today" },
        { "@sum", "'@sum" },
        { "\tx", "'\tx" },
        { "\rx", "\"'\rx\"" },
        { "'=x", "''=x" },
        { "''=x", "'''=x" },
        { "'quoted'", "'quoted'" },
        { "'", "'" },
        { "it's = fine", "it's = fine" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void A_formula_like_note_is_written_with_one_more_apostrophe_and_read_back_the_same(string note, string written)
    {
        var text = DiaryCsv.Write([Pain(note)]);

        Assert.EndsWith($",{written}\r\n", text, StringComparison.Ordinal);
        Assert.Equal(note, Assert.Single(DiaryCsv.Read(new StringReader(text))).Note);
    }

    [Theory]
    [InlineData("'=x", "=x")]
    [InlineData("'-5", "-5")]
    [InlineData("''+1", "'+1")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("=x", "=x")]
    public void A_reader_drops_one_apostrophe_only_before_a_formula_character(string field, string note)
    {
        var text = $"{DiaryCsv.Header}\r\n2026-03-01T08:00:00+01:00,pain,calf,3,,{field}\r\n";

        Assert.Equal(note, Assert.Single(DiaryCsv.Read(new StringReader(text))).Note);
    }

    [Fact]
    public void The_stable_id_does_not_change_with_the_apostrophe()
    {
        // Ids of entries imported before the apostrophe rule must stay the same, or re-importing an old export would add them twice.
        var entry = Pain("-5 today");
        var before = new Guid(System.Security.Cryptography.SHA256.HashData(
            Encoding.UTF8.GetBytes("2026-03-01T08:00:00+01:00,pain,calf,3,,-5 today")).AsSpan(0, 16), bigEndian: true);

        Assert.Equal(before, DiaryCsv.StableId(entry));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_naming_the_line_and_column()
    {
        byte[] file = [.. Encoding.UTF8.GetBytes($"{DiaryCsv.Header}\r\n2026-03-01T08:00:00+01:00,pain,calf,3,,fine\r\n2026-03-01T09:00:00+01:00,pain,calf,3,,\"two\r\nlines\"\r\n2026-03-02T08:00:00+01:00,pain,calf,3,,caf"), 0xE9, (byte)'\r', (byte)'\n'];
        using var reader = DiaryCsv.OpenReader(new MemoryStream(file));

        var refused = Assert.Throws<DiaryCsvException>(() => DiaryCsv.Read(reader));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((5, "note"), (error.Line, error.Column));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_after_a_byte_order_mark_are_refused_too()
    {
        byte[] file = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"{DiaryCsv.Header}\r\n2026-03-01T08:00:00+01:00,pain,calf,3,,caf"), 0xE9, (byte)'\r', (byte)'\n'];
        using var reader = DiaryCsv.OpenReader(new MemoryStream(file));

        var error = Assert.Single(Assert.Throws<DiaryCsvException>(() => DiaryCsv.Read(reader)).Errors);

        Assert.Equal((2, "note"), (error.Line, error.Column));
    }

    [Fact]
    public void A_real_replacement_character_in_a_utf8_file_is_kept()
    {
        var file = Encoding.UTF8.GetBytes($"{DiaryCsv.Header}\r\n2026-03-01T08:00:00+01:00,pain,calf,3,,a \uFFFD b\r\n");
        using var reader = DiaryCsv.OpenReader(new MemoryStream(file));

        Assert.Equal("a \uFFFD b", Assert.Single(DiaryCsv.Read(reader)).Note);
    }

    [Fact]
    public void Reading_row_by_row_gives_the_rows_in_file_order_and_throws_at_the_end_for_a_bad_file()
    {
        var good = $"{DiaryCsv.Header}\r\n2026-03-02T08:00:00+01:00,pain,calf,3,,\r\n2026-03-01T08:00:00+01:00,pain,calf,4,,\r\n";
        Assert.Equal([3m, 4m], DiaryCsv.ReadEach(new StringReader(good)).Select(e => e.Value!.Value));

        var seen = new List<DiaryEntry>();
        var refused = Assert.Throws<DiaryCsvException>(() =>
        {
            foreach (var entry in DiaryCsv.ReadEach(new StringReader(good + "2026-03-03T08:00:00+01:00,pain,calf,11,,\r\n2026-03-03T09:00:00+01:00,pain,calf,2,,\r\n")))
            {
                seen.Add(entry);
            }
        });
        Assert.Equal(2, seen.Count);
        Assert.Equal(4, Assert.Single(refused.Errors).Line);
    }

    [Fact]
    public void The_row_limit_is_named_when_a_file_passes_it()
    {
        var text = new StringBuilder(DiaryCsv.Header).Append("\r\n");
        for (var i = 0; i < 4; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"2026-03-01T08:0{i}:00+01:00,pain,calf,3,,\r\n");
        }

        var refused = Assert.Throws<DiaryCsvException>(() => DiaryCsv.ReadEach(new StringReader(text.ToString()), maxRows: 3, maxErrors: 100).ToList());

        Assert.Equal("is past the limit of 3 rows; split the file", Assert.Single(refused.Errors).Message);
    }
}
