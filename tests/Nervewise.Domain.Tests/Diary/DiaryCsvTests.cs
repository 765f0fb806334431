using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Tests.Diary;

public class DiaryCsvTests
{
    private const string Header = "time,type,item,value,duration_minutes,note\n";

    private static DiaryEntry Entry(string time, EntryType type, string item, decimal? value, int? duration = null, string note = "") =>
        DiaryEntry.Create(DateTimeOffset.Parse(time, CultureInfo.InvariantCulture), type, item, value, duration, note);

    private static IReadOnlyList<DiaryEntry> Read(string text) => DiaryCsv.Read(new StringReader(text));

    private static DiaryCsvException Refused(string text) => Assert.Throws<DiaryCsvException>(() => Read(text));

    /// <summary>Record equality compares instants only; the offset must survive too.</summary>
    private static void AssertSameEntries(IReadOnlyList<DiaryEntry> expected, IReadOnlyList<DiaryEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Time, a.Time);
            Assert.Equal(e.Time.Offset, a.Time.Offset);
            Assert.Equal(e.Time.Ticks, a.Time.Ticks);
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.Item, a.Item);
            Assert.Equal(e.Value, a.Value);
            Assert.Equal(e.DurationMinutes, a.DurationMinutes);
            Assert.Equal(e.Note, a.Note);
            Assert.Equal(e, a);
        }
    }

    private static readonly DiaryEntry[] Sample =
    [
        Entry("2026-03-01T21:30:00+01:00", EntryType.Pain, "low-back", 7),
        Entry("2026-03-01T22:00:00+01:00", EntryType.Symptom, "pins-and-needles", 3.5m, 20, "left calf"),
        Entry("2026-03-02T08:00:00+01:00", EntryType.Activity, "desk-work", null, 240),
        Entry("2026-03-02T12:15:00+01:00", EntryType.Exercise, "slump-slider", 2, 10),
        Entry("2026-03-02T18:00:00+01:00", EntryType.Flare, "posterior-thigh", 8, 45, "after the drive, \"bad\" one"),
        Entry("2026-03-03T07:00:00+01:00", EntryType.Sleep, "night", 6.5m),
        Entry("2026-03-03T07:05:00+01:00", EntryType.Checkin, "stress", 3),
        Entry("2026-03-03T09:00:00+01:00", EntryType.Relief, "heat", -2, 15, "heat pack\non the low back"),
    ];

    // Round trips

    [Fact]
    public void Written_entries_read_back_the_same()
    {
        var text = DiaryCsv.Write(Sample);

        AssertSameEntries(Sample, Read(text));
    }

    [Fact]
    public void Read_write_read_gives_the_same_entries_and_the_same_text()
    {
        var first = Read(DiaryCsv.Write(Sample));
        var text = DiaryCsv.Write(first);
        var second = Read(text);

        AssertSameEntries(first, second);
        Assert.Equal(text, DiaryCsv.Write(second));
    }

    [Fact]
    public void A_file_with_only_the_header_has_no_entries() => Assert.Empty(Read(Header));

    [Fact]
    public void Write_gives_the_header_canonical_values_and_crlf_line_ends()
    {
        var text = DiaryCsv.Write(
        [
            Entry("2026-03-01T21:30:00+01:00", EntryType.Pain, "low-back", 7.0m),
            Entry("2026-03-01T21:40:00-05:00", EntryType.Relief, "rest", -2.50m),
            Entry("2026-03-01T23:00:00Z", EntryType.Activity, "walking", null, 30),
        ]);

        Assert.Equal(
            "time,type,item,value,duration_minutes,note\r\n" +
            "2026-03-01T21:30:00+01:00,pain,low-back,7,,\r\n" +
            "2026-03-01T23:00:00+00:00,activity,walking,,30,\r\n" +
            "2026-03-01T21:40:00-05:00,relief,rest,-2.5,,\r\n",
            text);
    }

    [Fact]
    public void Write_quotes_only_fields_that_need_it()
    {
        var row = DiaryCsv.Row(Entry("2026-03-01T21:30:00+01:00", EntryType.Pain, "calf", 4, note: "sat, then \"stood\"\r\nbetter"));
        var plain = DiaryCsv.Row(Entry("2026-03-01T21:30:00+01:00", EntryType.Pain, "calf", 4, note: "just a note"));

        Assert.Equal("2026-03-01T21:30:00+01:00,pain,calf,4,,\"sat, then \"\"stood\"\"\r\nbetter\"", row);
        Assert.Equal("2026-03-01T21:30:00+01:00,pain,calf,4,,just a note", plain);
    }

    [Fact]
    public void Fractional_seconds_are_kept()
    {
        var entry = Entry("2026-03-01T21:30:15.25+01:00", EntryType.Pain, "calf", 4);

        Assert.StartsWith("2026-03-01T21:30:15.25+01:00,", DiaryCsv.Row(entry), StringComparison.Ordinal);
        AssertSameEntries([entry], Read(DiaryCsv.Write([entry])));
    }

    // Times and offsets

    [Fact]
    public void Offsets_are_kept_as_written_and_rows_sorted_by_instant()
    {
        var entries = Read(Header +
            "2026-03-01T10:00:00-05:00,pain,calf,3,,\n" + // 15:00 UTC
            "2026-03-01T12:00:00Z,pain,calf,2,,\n" + // 12:00 UTC
            "2026-03-01T14:00:00+01:00,pain,calf,1,,\n" + // 13:00 UTC
            "2026-03-01T09:00:00.5-05:00,pain,calf,4,,\n"); // 14:00:00.5 UTC

        Assert.Equal([2m, 1m, 4m, 3m], entries.Select(e => e.Value!.Value));
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(-5), TimeSpan.FromHours(-5)],
            entries.Select(e => e.Time.Offset));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(1)), entries[1].Time);
        Assert.Equal(TimeSpan.FromHours(1), entries[1].Time.Offset);
    }

    [Fact]
    public void Rows_at_the_same_instant_keep_their_file_order()
    {
        var entries = Read(Header +
            "2026-03-01T13:00:00+01:00,pain,calf,1,,\n" +
            "2026-03-01T12:00:00Z,pain,calf,2,,\n" +
            "2026-03-01T07:00:00-05:00,pain,calf,3,,\n" +
            "2026-03-01T11:00:00Z,pain,calf,0,,\n");

        Assert.Equal([0m, 1m, 2m, 3m], entries.Select(e => e.Value!.Value));
    }

    [Theory]
    [InlineData("2026-03-01T21:30:00+01:00", 21, 30, 60)]
    [InlineData("2026-03-01T21:30+01:00", 21, 30, 60)]
    [InlineData("2026-03-01T21:30:00Z", 21, 30, 0)]
    [InlineData("2026-03-01T21:30Z", 21, 30, 0)]
    [InlineData("2026-03-01T21:30:00.000+05:30", 21, 30, 330)]
    [InlineData("2026-03-01T21:30:00-09:30", 21, 30, -570)]
    public void Times_in_each_accepted_form_keep_their_clock_and_offset(string time, int hour, int minute, int offsetMinutes)
    {
        var entry = Assert.Single(Read(Header + $"{time},pain,calf,1,,\n"));

        Assert.Equal(hour, entry.Time.Hour);
        Assert.Equal(minute, entry.Time.Minute);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), entry.Time.Offset);
    }

    // Bad rows: each names its line and column

    [Theory]
    [InlineData("2026-03-01T21:30:00+01:00,walk,walking,,30,", "type", "must be one of pain, symptom, activity, exercise, flare, sleep, checkin, relief, checked, not 'walk'")]
    [InlineData("2026-03-01T21:30:00+01:00,Pain,calf,3,,", "type", "not 'Pain'")]
    [InlineData("2026-03-01T21:30:00+01:00,,calf,3,,", "type", "not ''")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,11,,", "value", "must be pain from 0 to 10, not 11")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,-1,,", "value", "must be pain from 0 to 10, not -1")]
    [InlineData("2026-03-01T21:30:00+01:00,symptom,numbness,10.5,,", "value", "must be intensity from 0 to 10, not 10.5")]
    [InlineData("2026-03-01T21:30:00+01:00,checkin,stress,5,,", "value", "a whole number from 0 (no concern) to 4")]
    [InlineData("2026-03-01T21:30:00+01:00,checkin,stress,2.5,,", "value", "not 2.5")]
    [InlineData("2026-03-01T21:30:00+01:00,sleep,night,25,,", "value", "must be hours slept, 0 to 24, not 25")]
    [InlineData("2026-03-01T21:30:00+01:00,relief,heat,-11,,", "value", "-10 to 10 (negative is better), not -11")]
    [InlineData("2026-03-01T21:30:00+01:00,flare,calf,12,30,", "value", "must be peak pain from 0 to 10, not 12")]
    [InlineData("2026-03-01T21:30:00+01:00,exercise,slump-slider,11,10,", "value", "not 11")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,walking,11,30,", "value", "effort from 0 to 10")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,,,", "value", "is required for pain")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,seven,,", "value", "must be a number such as 7 or 3.5 (with a point), or empty, not 'seven'")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,\"7,5\",,", "value", "not '7,5'")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,1e1,,", "value", "not '1e1'")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf, 7,,", "value", "not ' 7'")]
    [InlineData("yesterday,pain,calf,3,,", "time", "must be a time with its UTC offset, e.g. 2026-03-01T21:30:00+01:00, not 'yesterday'")]
    [InlineData("2026-02-30T21:30:00+01:00,pain,calf,3,,", "time", "not '2026-02-30T21:30:00+01:00'")]
    [InlineData("01/03/2026 21:30,pain,calf,3,,", "time", "not '01/03/2026 21:30'")]
    [InlineData(",pain,calf,3,,", "time", "not ''")]
    [InlineData("2026-03-01T21:30:00,pain,calf,3,,", "time", "'2026-03-01T21:30:00' has no UTC offset; add one, e.g. 2026-03-01T21:30:00+01:00, or Z for UTC")]
    [InlineData("2026-03-01 21:30,pain,calf,3,,", "time", "has no UTC offset")]
    [InlineData("2026-03-01T21:30:00+15:00,pain,calf,3,,", "time", "not '2026-03-01T21:30:00+15:00'")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,walking,3,,", "duration_minutes", "is required for activity")]
    [InlineData("2026-03-01T21:30:00+01:00,exercise,slr-slider,2,,", "duration_minutes", "is required for exercise")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,3,10,", "duration_minutes", "must be empty for pain")]
    [InlineData("2026-03-01T21:30:00+01:00,sleep,night,7,480,", "duration_minutes", "must be empty for sleep")]
    [InlineData("2026-03-01T21:30:00+01:00,checkin,worry,1,5,", "duration_minutes", "must be empty for checkin")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,walking,3,-5,", "duration_minutes", "must be whole minutes (0 or more), or empty, not '-5'")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,walking,3,1.5,", "duration_minutes", "not '1.5'")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,walking,3,99999999999,", "duration_minutes", "not '99999999999'")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,walking,3,30000,", "duration_minutes", "must be whole minutes from 0 to 20160, not 30000")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,Dog Walk,3,30,", "item", "must be a lowercase slug of a-z, 0-9 and '-'")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,-walking,3,30,", "item", "lowercase slug")]
    [InlineData("2026-03-01T21:30:00+01:00,activity,,3,30,", "item", "lowercase slug")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,knee,3,,", "item", "'knee' is not a pain item; use one of low-back, buttock")]
    [InlineData("2026-03-01T21:30:00+01:00,flare,elbow,8,,", "item", "'elbow' is not a flare item")]
    [InlineData("2026-03-01T21:30:00+01:00,symptom,itching,3,,", "item", "'itching' is not a symptom item")]
    [InlineData("2026-03-01T21:30:00+01:00,sleep,nap,3,,", "item", "'nap' is not a sleep item; use one of night")]
    [InlineData("2026-03-01T21:30:00+01:00,relief,massage,-1,,", "item", "'massage' is not a relief item")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,3", "", "has 4 columns, not 6: time,type,item,value,duration_minutes,note")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,3,,,", "", "has 7 columns, not 6")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,3,,note, with a comma", "", "has 7 columns, not 6")]
    [InlineData("2026-03-01T21:30:00+01:00;pain;calf;3;;", "", "has 1 column, not 6")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,3,,\"never closed", "note", "opens a quote that is never closed")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,3,,\"quoted\" then more", "note", "has text after its closing quote")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,3,,5\" tall", "note", "has a quote but does not start with one")]
    public void A_bad_row_is_refused_naming_its_line_and_column(string row, string column, string message)
    {
        var refused = Refused(Header + "2026-03-01T08:00:00+01:00,pain,calf,1,,\n" + row + "\n");

        var error = Assert.Single(refused.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(refused.StoppedEarly);
    }

    [Fact]
    public void A_note_longer_than_the_entry_allows_is_refused()
    {
        var refused = Refused(Header + $"2026-03-01T21:30:00+01:00,pain,calf,3,,{new string('a', DiaryEntry.MaxNoteLength + 1)}\n");

        Assert.Equal(new CsvError(2, "note", $"is longer than {DiaryEntry.MaxNoteLength} characters"), Assert.Single(refused.Errors));
    }

    [Fact]
    public void An_error_reads_as_line_column_and_message()
    {
        var refused = Refused(Header + "\n" + "2026-03-01T21:30:00+01:00,pain,calf,11,,\n");

        Assert.Equal("line 3, column value: must be pain from 0 to 10, not 11", refused.Errors[^1].ToString());
        Assert.Equal("line 2: is empty; remove the empty line", refused.Errors[0].ToString());
        Assert.Equal(
            "line 2: is empty; remove the empty line\nline 3, column value: must be pain from 0 to 10, not 11",
            refused.Message);
    }

    [Theory]
    [InlineData("time,type,item,value,duration,note\n")]
    [InlineData("Time,Type,Item,Value,Duration_minutes,Note\n")]
    [InlineData("time,type,item,value,duration_minutes\n")]
    [InlineData("time,type,item,value,duration_minutes,note,extra\n")]
    [InlineData("type,time,item,value,duration_minutes,note\n")]
    [InlineData(" time,type,item,value,duration_minutes,note\n")]
    [InlineData("2026-03-01T21:30:00+01:00,pain,calf,3,,\n")]
    [InlineData("\n")]
    public void A_bad_header_is_refused_on_line_1(string header)
    {
        var refused = Refused(header + "2026-03-01T21:30:00+01:00,pain,calf,3,,\n");

        var error = Assert.Single(refused.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("", error.Column);
        Assert.StartsWith("the header must be exactly time,type,item,value,duration_minutes,note, not '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_separated_by_semicolons_gets_a_hint()
    {
        var error = Assert.Single(Refused("time;type;item;value;duration_minutes;note\n").Errors);

        Assert.Contains("separated by semicolons", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_refused_on_line_1(string text)
    {
        var error = Assert.Single(Refused(text).Errors);

        Assert.Equal(new CsvError(1, "", "the file is empty; it must start with the header time,type,item,value,duration_minutes,note"), error);
    }

    [Fact]
    public void Every_problem_in_the_file_is_reported_at_once_and_nothing_is_returned()
    {
        var refused = Refused(Header +
            "2026-03-01T08:00:00+01:00,pain,calf,1,,\n" + // 2: good
            "2026-03-01T09:00:00+01:00,pain,calf,11,,\n" + // 3
            "2026-03-01T10:00:00+01:00,activity,walking,3,,\n" + // 4
            "2026-03-01T11:00:00+01:00,pain,calf,3,,\n" + // 5: good
            "2026-03-01T12:00:00,pain,knee,12,5,\n" + // 6: four problems
            "2026-03-01T13:00:00+01:00,walk,walking,3,abc,\n" + // 7: unknown type, bad duration
            "2026-03-01T14:00:00+01:00,pain,calf\n" + // 8
            "bad,sleep,night,x,,\n"); // 9: bad time and value

        Assert.Equal(
        [
            (3, "value"),
            (4, "duration_minutes"),
            (6, "time"), (6, "item"), (6, "value"), (6, "duration_minutes"),
            (7, "type"), (7, "duration_minutes"),
            (8, ""),
            (9, "time"), (9, "value"),
        ], refused.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("not 'x'", refused.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_stop_at_the_cap()
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < 150; i++)
        {
            text.Append("2026-03-01T08:00:00+01:00,pain,calf,11,,\n");
        }

        var refused = Refused(text.ToString());

        Assert.Equal(DiaryCsv.MaxErrors, refused.Errors.Count);
        Assert.Equal(DiaryCsv.MaxErrors + 1, refused.Errors[^1].Line);
        Assert.True(refused.StoppedEarly);
        Assert.EndsWith("(stopped here; there may be more problems)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_past_the_row_limit_is_refused_at_the_first_row_too_many()
    {
        var text = Header + string.Concat(Enumerable.Repeat("2026-03-01T08:00:00+01:00,pain,calf,1,,\n", 6));

        var refused = Assert.Throws<DiaryCsvException>(() => DiaryCsv.Read(new StringReader(text), maxRows: 5, maxErrors: 100));

        Assert.Equal(new CsvError(7, "", "is past the limit of 5 rows; split the file"), Assert.Single(refused.Errors));
        Assert.True(refused.StoppedEarly);
    }

    [Fact]
    public void A_huge_field_is_refused_without_keeping_it()
    {
        var refused = Refused(Header + "2026-03-01T08:00:00+01:00,pain,calf,1,," + new string('x', 5_000_000) + "\n" +
            "2026-03-01T09:00:00+01:00,pain,calf,12,,\n");

        Assert.Equal(
            [new CsvError(2, "note", $"is longer than {DiaryCsv.MaxFieldLength} characters"), new CsvError(3, "value", "must be pain from 0 to 10, not 12")],
            refused.Errors);
    }

    [Fact]
    public void A_quote_never_closed_is_reported_where_it_opened()
    {
        var refused = Refused(Header + "2026-03-01T08:00:00+01:00,pain,calf,1,,\"oops\n" +
            string.Concat(Enumerable.Repeat("2026-03-01T09:00:00+01:00,pain,calf,1,,a long note of many words\n", 1000)));

        Assert.Equal(
            [new CsvError(2, "note", "is longer than 10000 characters"), new CsvError(2, "note", "opens a quote that is never closed")],
            refused.Errors.OrderBy(e => e.Message, StringComparer.Ordinal));
    }

    [Fact]
    public void A_line_of_a_million_commas_is_one_clear_error()
    {
        var refused = Refused(Header + new string(',', 1_000_000) + "\n");

        Assert.Equal(new CsvError(2, "", "has 1000001 columns, not 6: time,type,item,value,duration_minutes,note"), Assert.Single(refused.Errors));
    }

    // Quoting and line numbers

    [Fact]
    public void Quoted_notes_keep_commas_quotes_and_newlines()
    {
        var entries = Read(Header +
            "2026-03-01T08:00:00+01:00,pain,calf,1,,\"sat, then \"\"stood\"\"\"\n" +
            "2026-03-01T09:00:00+01:00,pain,calf,2,,\"two\nlines\"\n" +
            "2026-03-01T10:00:00+01:00,pain,calf,3,,\"crlf\r\nkept\"\n" +
            "\"2026-03-01T11:00:00+01:00\",\"pain\",\"calf\",\"4\",\"\",\"\"\n");

        Assert.Equal(["sat, then \"stood\"", "two\nlines", "crlf\r\nkept", ""], entries.Select(e => e.Note));
        Assert.Equal(4m, entries[3].Value);
    }

    [Fact]
    public void A_note_over_several_lines_moves_the_next_rows_line_number_down()
    {
        var refused = Refused(Header +
            "2026-03-01T08:00:00+01:00,pain,calf,1,,\"first line\nsecond line\r\nthird line\"\n" + // lines 2-4
            "2026-03-01T09:00:00+01:00,pain,calf,11,,\n" + // line 5
            "2026-03-01T10:00:00+01:00,pain,calf,12,,\"a\n\nb\"\r\n" + // lines 6-8
            "2026-03-01T11:00:00+01:00,pain,calf,13,,\n"); // line 9

        Assert.Equal([5, 6, 9], refused.Errors.Select(e => e.Line));
        Assert.All(refused.Errors, e => Assert.Equal("value", e.Column));
    }

    [Fact]
    public void Blank_lines_at_the_end_are_allowed_but_not_between_rows()
    {
        Assert.Single(Read(Header + "2026-03-01T08:00:00+01:00,pain,calf,1,,\n\n\r\n\n"));
        Assert.Single(Read(Header + "2026-03-01T08:00:00+01:00,pain,calf,1,,"));

        var refused = Refused(Header + "2026-03-01T08:00:00+01:00,pain,calf,1,,\n\n2026-03-01T09:00:00+01:00,pain,calf,1,,\n");
        Assert.Equal(new CsvError(3, "", "is empty; remove the empty line"), Assert.Single(refused.Errors));
    }

    [Fact]
    public void Many_blank_lines_between_rows_stop_at_the_error_cap()
    {
        var refused = Refused(Header + new string('\n', 100_000) + "2026-03-01T09:00:00+01:00,pain,calf,1,,\n");

        Assert.Equal(DiaryCsv.MaxErrors, refused.Errors.Count);
        Assert.Equal(Enumerable.Range(2, DiaryCsv.MaxErrors), refused.Errors.Select(e => e.Line));
        Assert.True(refused.StoppedEarly);
    }

    // Encodings and line ends

    [Fact]
    public void A_lone_cr_ends_a_line_too()
    {
        var refused = Refused("time,type,item,value,duration_minutes,note\r" +
            "2026-03-01T08:00:00+01:00,pain,calf,1,,\"one\rtwo\"\r" +
            "2026-03-01T09:00:00+01:00,pain,calf,11,,\r");

        Assert.Equal(new CsvError(4, "value", "must be pain from 0 to 10, not 11"), Assert.Single(refused.Errors));
    }

    [Fact]
    public void Crlf_lf_and_mixed_line_ends_read_the_same()
    {
        var lf = DiaryCsv.Write(Sample).Replace("\r\n", "\n", StringComparison.Ordinal);
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        var mixed = string.Join("", lf.Split('\n').Select((line, i) => line + (i % 2 == 0 ? "\r\n" : "\n")));

        // The relief note holds a newline that the line-end rewrite changes too; compare the rest.
        static object Key(DiaryEntry e) => (e.Time, e.Time.Offset, e.Type, e.Item, e.Value, e.DurationMinutes, e.Note.ReplaceLineEndings("\n"));
        var expected = Sample.Select(Key).ToList();
        Assert.Equal(expected, Read(lf).Select(Key));
        Assert.Equal(expected, Read(crlf).Select(Key));
        Assert.Equal(expected, Read(mixed).Select(Key));
    }

    [Fact]
    public void A_utf8_file_reads_the_same_with_or_without_a_bom()
    {
        var text = DiaryCsv.Write([Entry("2026-03-01T08:00:00+01:00", EntryType.Pain, "calf", 1, note: "Wadenschmerz, äöü – 痛い 🙂")]);
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var withoutBom = Encoding.UTF8.GetBytes(text);

        foreach (var bytes in new[] { withBom, withoutBom })
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Assert.Equal("Wadenschmerz, äöü – 痛い 🙂", Assert.Single(DiaryCsv.Read(reader)).Note);
        }
        // A reader that hands the BOM through as a character, as a StringReader does.
        Assert.Single(Read("\uFEFF" + text));
    }

    // Stable ids

    [Fact]
    public void The_stable_id_is_the_start_of_the_sha256_of_the_canonical_row()
    {
        var entry = Entry("2026-03-01T21:30:00+01:00", EntryType.Pain, "low-back", 7);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("2026-03-01T21:30:00+01:00,pain,low-back,7,,"));

        Assert.Equal(Convert.ToHexStringLower(hash)[..32], DiaryCsv.StableId(entry).ToString("N"));
    }

    [Fact]
    public void Reimporting_the_same_file_gives_the_same_ids()
    {
        var text = DiaryCsv.Write(Sample);

        var first = Read(text).Select(DiaryCsv.StableId).ToList();
        var again = Read(text).Select(DiaryCsv.StableId).ToList();

        Assert.Equal(first, again);
        Assert.Equal(Sample.Length, first.Distinct().Count());
    }

    [Fact]
    public void The_stable_id_follows_the_written_row()
    {
        DiaryEntry Pain(string time, decimal value, string note = "") => Entry(time, EntryType.Pain, "calf", value, note: note);
        var id = DiaryCsv.StableId(Pain("2026-03-01T21:30:00+01:00", 7));

        Assert.Equal(id, DiaryCsv.StableId(Pain("2026-03-01T21:30:00+01:00", 7.00m)));
        Assert.Equal(id, DiaryCsv.StableId(Assert.Single(Read(Header + "2026-03-01T21:30+01:00,pain,calf,7.0,,\n"))));
        Assert.NotEqual(id, DiaryCsv.StableId(Pain("2026-03-01T20:30:00Z", 7))); // same instant, other offset
        Assert.NotEqual(id, DiaryCsv.StableId(Pain("2026-03-01T21:30:00+01:00", 6)));
        Assert.NotEqual(id, DiaryCsv.StableId(Pain("2026-03-01T21:30:00+01:00", 7, "a note")));
        Assert.Equal(DiaryCsv.StableId(Pain("2026-03-01T21:30:00Z", 7)), DiaryCsv.StableId(Pain("2026-03-01T21:30:00+00:00", 7)));
    }

    // A long diary

    [Fact]
    public void A_generated_five_year_diary_round_trips_exactly()
    {
        var diary = FiveYearDiary(seed: 20260301);

        var text = DiaryCsv.Write(diary);
        var read = DiaryCsv.Read(new StringReader(text));

        Assert.InRange(diary.Count, 5 * 365 * 10, 5 * 366 * 20);
        Assert.Equal(Enum.GetValues<EntryType>(), read.Select(e => e.Type).Distinct().Order());
        AssertSameEntries([.. diary.OrderBy(e => e.Time.UtcTicks)], read);
        Assert.Equal(text, DiaryCsv.Write(read));
        Assert.Equal(diary.Count, read.Select(DiaryCsv.StableId).Distinct().Count());
    }

    private static List<DiaryEntry> FiveYearDiary(int seed)
    {
        var random = new Random(seed);
        TimeSpan[] offsets = [TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(-5), TimeSpan.Zero, TimeSpan.FromMinutes(330)];
        string[] notes = ["", "", "", "after work", "sat too long, again", "said \"ouch\"", "line one\nline two", "Rücken – 痛い"];
        var entries = new List<DiaryEntry>();
        var start = new DateTime(2021, 1, 1);
        for (var day = 0; day < 5 * 365; day++)
        {
            var offset = offsets[random.Next(offsets.Length)];
            var rows = random.Next(10, 21);
            for (var i = 0; i < rows; i++)
            {
                // Rows on the same day may share a minute, so equal instants occur.
                var time = new DateTimeOffset(start.AddDays(day).AddMinutes(random.Next(24 * 60)), offset);
                var type = (EntryType)random.Next(Enum.GetValues<EntryType>().Length);
                var tenth = random.Next(0, 101) / 10m;
                var note = notes[random.Next(notes.Length)];
                entries.Add(type switch
                {
                    EntryType.Pain => DiaryEntry.Create(time, type, Pick(random, DiaryVocabulary.Regions), tenth, null, note),
                    EntryType.Symptom => DiaryEntry.Create(time, type, Pick(random, DiaryVocabulary.Symptoms), tenth, random.Next(2) == 0 ? null : random.Next(1, 120), note),
                    EntryType.Activity => DiaryEntry.Create(time, type, Pick(random, [.. DiaryVocabulary.CommonActivities, "gardening"]), random.Next(2) == 0 ? null : random.Next(11), random.Next(1, 600), note),
                    EntryType.Exercise => DiaryEntry.Create(time, type, Pick(random, DiaryVocabulary.CommonExercises), random.Next(11), random.Next(1, 60), note),
                    EntryType.Flare => DiaryEntry.Create(time, type, Pick(random, DiaryVocabulary.Regions), tenth, random.Next(2) == 0 ? null : random.Next(5, 300), note),
                    EntryType.Sleep => DiaryEntry.Create(time, type, "night", random.Next(0, 241) / 10m, null, note),
                    EntryType.Checkin => DiaryEntry.Create(time, type, Pick(random, DiaryVocabulary.CheckinAreas), random.Next(5), null, note),
                    // A check has no value, so two at the same minute would be the same row: each visit says its number.
                    EntryType.Checked => DiaryEntry.Create(time, type, DiaryVocabulary.CheckedRedFlags, null, null, $"visit {entries.Count}"),
                    _ => DiaryEntry.Create(time, type, Pick(random, DiaryVocabulary.Reliefs), random.Next(-100, 101) / 10m, random.Next(2) == 0 ? null : random.Next(1, 90), note),
                });
            }
        }
        return entries;
    }

    private static string Pick(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];
}
