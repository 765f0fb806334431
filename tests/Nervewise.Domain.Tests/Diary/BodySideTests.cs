using System.Globalization;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Tests.Diary;

public class BodySideTests
{
    [Theory]
    [InlineData(BodySide.Left, null, "[left]")]
    [InlineData(BodySide.Right, "", "[right]")]
    [InlineData(BodySide.Left, "after the drive", "[left] after the drive")]
    public void The_side_goes_first_in_the_note_and_reads_back(BodySide side, string? note, string stored)
    {
        Assert.Equal(stored, BodySides.Note(side, note));
        Assert.Equal((side, note ?? ""), BodySides.Read(stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("left leg mostly")]
    [InlineData("[left]after")]
    [InlineData("[LEFT] shouting")]
    public void A_note_without_the_exact_tag_has_no_side(string note)
    {
        Assert.Equal((null, note), BodySides.Read(note));
        Assert.Equal(note, BodySides.Note(null, note));
    }

    [Fact]
    public void The_page_names_the_place_in_the_body_maps_words()
    {
        Assert.Equal("back of thigh, left", BodySides.Place("posterior-thigh", "[left] after sitting"));
        Assert.Equal("calf, right", BodySides.Place("calf", BodySide.Right));
        Assert.Equal("low back", BodySides.Place("low-back", ""));
    }

    [Fact]
    public void Every_region_has_one_label_and_the_words_everywhere_follow_it()
    {
        Assert.Equal(DiaryVocabulary.Regions.Order(), DiaryVocabulary.RegionLabels.Keys.Order());
        Assert.Equal("Back of thigh", DiaryVocabulary.RegionLabel("posterior-thigh"));
        Assert.Equal("back of thigh", DiaryVocabulary.Words("posterior-thigh"));
        Assert.Equal("shin", DiaryVocabulary.Words("shin"));
        Assert.Equal("desk work", DiaryVocabulary.Words("desk-work"));
    }

    [Fact]
    public void A_sided_pain_and_flare_survive_export_and_import_exactly()
    {
        var time = DateTimeOffset.Parse("2026-11-28T00:41:00+01:00", CultureInfo.InvariantCulture);
        DiaryEntry[] entries =
        [
            DiaryEntry.Create(time, EntryType.Pain, "posterior-thigh", 5, null, BodySides.Note(BodySide.Left, null)),
            DiaryEntry.Create(time, EntryType.Flare, "calf", 7, 120, BodySides.Note(BodySide.Right, "after the drive")),
        ];
        var text = DiaryCsv.Write(entries);
        Assert.Contains(",pain,posterior-thigh,5,,[left]", text, StringComparison.Ordinal);
        var back = DiaryCsv.Read(new StringReader(text));
        Assert.Equal(entries, back);
        Assert.Equal(["[left]", "[right] after the drive"], back.Select(e => e.Note));
        Assert.Equal(BodySide.Right, BodySides.Read(back[1].Note).Side);
        Assert.Equal(text, DiaryCsv.Write(back));
    }
}
