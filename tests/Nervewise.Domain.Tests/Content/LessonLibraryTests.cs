using Nervewise.Domain.Content;

namespace Nervewise.Domain.Tests.Content;

public sealed class LessonLibraryTests
{
    public static TheoryData<string> Slugs => [.. LessonLibrary.All.Select(l => l.Slug)];

    [Fact]
    public void The_library_holds_the_six_lessons_in_reading_order()
    {
        Assert.Equal(
            ["nerve-pain-is-rarely-damage", "pain-that-comes-later", "flare-up-first-aid", "graded-exposure",
             "training-with-pain", "when-to-get-help"],
            LessonLibrary.All.Select(l => l.Slug));
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Every_lesson_is_short_has_sources_and_reads_easily(string slug)
    {
        var lesson = LessonLibrary.Find(slug)!;
        Assert.NotEmpty(lesson.Sources);
        Assert.DoesNotContain("## Sources", lesson.Body, StringComparison.Ordinal);
        var words = Readability.Words(Readability.Plain(lesson.Body)).Count;
        Assert.InRange(words, 150, 520); // about a two-minute read
        var ease = Readability.FleschReadingEase(lesson.Body);
        Assert.True(ease >= 60, $"{slug} scores {ease:F1} for reading ease; the bar is 60.");
    }

    [Fact]
    public void Front_matter_problems_name_the_lesson_and_the_field()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => LessonLibrary.Parse("x", "---\ntitle: T\norder: 1\n---\nBody"));
        Assert.Contains("'x' needs 'summary'", missing.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => LessonLibrary.Parse("y", "no front matter"));
    }
}
