using Nervewise.Domain.Content;
using Nervewise.Domain.FirstAid;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Tests.Content;

public sealed class LessonLibraryTests
{
    public static TheoryData<string> Slugs => [.. LessonLibrary.All.Select(l => l.Slug)];

    [Fact]
    public void The_library_holds_the_eight_lessons_in_reading_order()
    {
        Assert.Equal(
            ["nerve-pain-is-rarely-damage", "pain-that-comes-later", "flare-up-first-aid", "graded-exposure",
             "training-with-pain", "when-to-get-help", "hamstring-strain", "sit-bone-tendon"],
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
    public void When_to_get_help_lists_the_warning_signs_from_the_rules_file()
    {
        var lesson = LessonLibrary.Find("when-to-get-help")!;
        Assert.Contains(WarningSigns.Markdown(), lesson.Body, StringComparison.Ordinal);
        Assert.Contains("numbness between your legs", lesson.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Flare_up_first_aid_screens_first_and_gives_heat_with_its_cautions()
    {
        var body = LessonLibrary.Find("flare-up-first-aid")!.Body;
        var screen = body.IndexOf("## First, check for warning signs", StringComparison.Ordinal);
        Assert.True(screen > 0);
        foreach (var sign in WarningSigns.FirstAidScreen())
        {
            Assert.Contains($"- {sign.Says}\n", body, StringComparison.Ordinal);
        }
        // Nothing that soothes comes before the check.
        foreach (var later in new[] { "warm", "heat", "change position", "Move gently" })
        {
            var at = body.IndexOf(later, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0 || at > screen, $"\"{later}\" comes before the warning signs.");
        }
        var cautions = body[body.IndexOf("## Take care with warmth", StringComparison.Ordinal)..];
        Assert.Contains("numb or feels less than usual", cautions, StringComparison.Ordinal);
        Assert.Contains($"first {FirstAidRules.Current.FreshStrainHours.Value} hours", cautions, StringComparison.Ordinal);
        Assert.Contains("fall asleep", cautions, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void No_lesson_makes_a_promise_or_an_absolute_that_a_warning_sign_would_contradict(string slug)
    {
        var lesson = LessonLibrary.Find(slug)!;
        var text = lesson.Summary + "\n" + lesson.Body;
        string[] never =
        [
            "it will settle", "will settle", "usually settles", "unlikely to be damage", "very unlikely that the nerve",
            "not a reason to stop your sport", "do not have to stop your sport", "pain is not danger", "movement is safe",
            "nearly always", "{{",
        ];
        foreach (var words in never)
        {
            Assert.False(text.Contains(words, StringComparison.OrdinalIgnoreCase), $"{slug} says \"{words}\".");
        }
    }

    [Fact]
    public void A_placeholder_that_is_not_known_stops_the_load()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => LessonLibrary.Parse("z", "---\ntitle: T\nsummary: S\norder: 1\n---\n{{warning-sings}}\n"));
        Assert.Contains("'z' holds an unknown placeholder {{warning-sings}}", unknown.Message, StringComparison.Ordinal);
        var filled = LessonLibrary.Parse("w", "---\ntitle: T\nsummary: S\norder: 1\n---\nSigns:\n\n{{warning-signs}}\n");
        Assert.Equal("Signs:\n\n" + WarningSigns.Markdown() + "\n", filled.Markdown);
    }

    [Fact]
    public void Front_matter_problems_name_the_lesson_and_the_field()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => LessonLibrary.Parse("x", "---\ntitle: T\norder: 1\n---\nBody"));
        Assert.Contains("'x' needs 'summary'", missing.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => LessonLibrary.Parse("y", "no front matter"));
    }
}
