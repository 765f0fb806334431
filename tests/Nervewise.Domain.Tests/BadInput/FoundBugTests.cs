using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Input;

namespace Nervewise.Domain.Tests.BadInput;

/// <summary>Inputs the fuzz tests found that once escaped the parsers' documented errors; each stays refused clearly.</summary>
public class FoundBugTests
{
    [Theory]
    [InlineData("""{"pins-and-needles":"\ud800"}""", "pins-and-needles")]
    [InlineData("""{"trend":"\udc00\ud800"}""", "trend")]
    [InlineData("""{"\ud800":true}""", "$")]
    [InlineData("""{"resourceType":"QuestionnaireResponse","item":[{"linkId":"\ud800"}]}""", "item[0].linkId")]
    public void An_escaped_lone_surrogate_is_refused_naming_where_it_is(string json, string item)
    {
        var refused = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse(json));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(item, error.Item);
        Assert.Equal(StoredText.BrokenCharacter, error.Message);
    }

    [Fact]
    public void A_document_that_is_not_valid_utf16_is_refused_as_not_json()
    {
        var refused = Assert.Throws<AssessmentInputException>(() => AssessmentInput.Parse("{\"numbness\":true}\uDFFF"));

        Assert.Equal("$", Assert.Single(refused.Errors).Item);
    }

    /// <summary>A fact, not a theory: xunit's case names would turn a lone surrogate into U+FFFD before the test saw it.</summary>
    [Fact]
    public void A_note_that_cannot_be_stored_as_written_is_refused()
    {
        (string Note, string Message)[] cases =
        [
            ("a\0b", StoredText.NulCharacter),
            ("left \uD800 calf", StoredText.BrokenCharacter),
            ("\uDC00", StoredText.BrokenCharacter),
            ("ends high \uD83E", StoredText.BrokenCharacter),
        ];
        foreach (var (note, message) in cases)
        {
            var error = Assert.Single(DiaryEntry.Check(EntryType.Pain, "calf", 5, null, note));

            Assert.Equal(new FieldError("note", message), error);
        }
    }

    [Fact]
    public void Emoji_combining_marks_and_direction_marks_are_kept()
    {
        const string note = "🦵🔥 e\u0301 \u202Eright-to-left\u202C \u200B zero-width";

        Assert.Equal(note, DiaryEntry.Create(DateTimeOffset.UnixEpoch, EntryType.Pain, "calf", 5, null, note).Note);
    }

    [Fact]
    public void A_csv_note_with_a_nul_is_refused_by_line_and_column()
    {
        var refused = Assert.Throws<DiaryCsvException>(() =>
            DiaryCsv.Read(new StringReader(DiaryCsv.Header + "\r\n2026-03-01T21:30:00+01:00,pain,calf,6,,a\0b\r\n")));

        Assert.Equal(new CsvError(2, "note", StoredText.NulCharacter), Assert.Single(refused.Errors));
    }

    /// <summary>A far-future flare once broke the triggers page: its end (time plus duration) was past DateTimeOffset's last instant.</summary>
    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    [InlineData("2200-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:00:00-14:00")]
    public void A_time_outside_1900_to_2199_is_refused_in_a_file_and_in_code(string time)
    {
        var refused = Assert.Throws<DiaryCsvException>(() =>
            DiaryCsv.Read(new StringReader($"{DiaryCsv.Header}\r\n{time},flare,foot,9,20160,\r\n")));
        Assert.Equal((2, "time"), (Assert.Single(refused.Errors).Line, refused.Errors[0].Column));
        Assert.StartsWith(DiaryTime.OutOfRange, refused.Errors[0].Message, StringComparison.Ordinal);

        Assert.True(DiaryTime.TryParse(time, out var parsed));
        var thrown = Assert.Throws<DiaryEntryException>(() => DiaryEntry.Create(parsed, EntryType.Flare, "foot", 9, 20160, null));
        Assert.Equal("time", Assert.Single(thrown.Errors).Column);
    }

    [Theory]
    [InlineData("1900-01-01T00:00:00Z")]
    [InlineData("2199-12-31T23:59:59Z")]
    [InlineData("2199-12-31T23:59:59-14:00")]
    [InlineData("1900-01-01T00:00:00+14:00")]
    public void The_edges_of_the_range_are_kept_and_their_end_is_reachable(string time)
    {
        Assert.True(DiaryTime.TryParse(time, out var parsed));

        var entry = DiaryEntry.Create(parsed, EntryType.Flare, "foot", 9, DiaryEntry.MaxDurationMinutes, null);

        Assert.Equal(parsed.AddMinutes(DiaryEntry.MaxDurationMinutes), entry.End);
    }
}
