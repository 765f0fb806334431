using System.Net;
using Nervewise.Data;
using Nervewise.Domain.Content;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Pages.Lessons;
using Nervewise.Web.Tests.Pages.Plan;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Lessons;

/// <summary>Lessons do not speak only of nerves: they are grouped by source, and a nerve-only lesson says so and links the right one.</summary>
public sealed class PathwayLessonsTests() : AppTest(DatabaseProvider.Sqlite)
{
    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_lessons_name_their_source_and_the_nerve_ones_are_fitted_to_a_persons_pathway()
    {
        Assert.Equal(["nerve-pain-is-rarely-damage", "pain-that-comes-later", "flare-up-first-aid", "graded-exposure"],
            LessonLibrary.About(Pathway.Nerve).Select(l => l.Slug));
        Assert.Equal(["hamstring-strain"], LessonLibrary.About(Pathway.Muscle).Select(l => l.Slug));
        Assert.Equal(["sit-bone-tendon"], LessonLibrary.About(Pathway.Tendon).Select(l => l.Slug));
        Assert.Null(LessonLibrary.Find("when-to-get-help")!.Pathway);
        Assert.Equal("sit-bone-tendon", LessonLibrary.Fitting("graded-exposure", Pathway.Tendon).Slug);
        Assert.Equal("hamstring-strain", LessonLibrary.Fitting("flare-up-first-aid", Pathway.Muscle).Slug);
        Assert.Equal("graded-exposure", LessonLibrary.Fitting("graded-exposure", Pathway.Nerve).Slug);
        Assert.Equal("when-to-get-help", LessonLibrary.Fitting("when-to-get-help", Pathway.Tendon).Slug);
        Assert.Contains("hamstring-strain", ShowModel.ExerciseLessons);
        Assert.Contains("sit-bone-tendon", ShowModel.ExerciseLessons);
    }

    [Fact]
    public async Task The_index_groups_lessons_by_source_with_the_persons_own_first()
    {
        var visitor = await PageAsync(App.Browser(), "/lessons");
        Assert.Contains("<h2 id=\"lessons-muscle\">A strained hamstring", visitor, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"lessons-tendon\">Pain at the sit bone (tendon)", visitor, StringComparison.Ordinal);
        Assert.Contains("href=\"/lessons/hamstring-strain\"", visitor, StringComparison.Ordinal);
        Assert.Contains("href=\"/lessons/sit-bone-tendon\"", visitor, StringComparison.Ordinal);
        Assert.True(visitor.IndexOf("lessons-nerve", StringComparison.Ordinal) < visitor.IndexOf("lessons-tendon", StringComparison.Ordinal));

        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        await client.AssessAsync(PathwayAnswers.Tendon());
        var person = await PageAsync(client, "/lessons");
        Assert.True(person.IndexOf("lessons-tendon", StringComparison.Ordinal) < person.IndexOf("lessons-nerve", StringComparison.Ordinal),
            "The person's own source comes first.");
        Assert.Contains("Pain at the sit bone (tendon)<span class=\"lesson-yours\"> · your plan</span>", person, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nerve_only_lesson_says_so_and_points_a_tendon_person_to_their_own()
    {
        var visitor = await PageAsync(App.Browser(), "/lessons/graded-exposure");
        Assert.Contains("This lesson is about nerve pain only.", visitor, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/lessons/hamstring-strain\">a strained hamstring</a>", visitor, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/lessons/sit-bone-tendon\">pain at the sit bone</a>", visitor, StringComparison.Ordinal);

        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        await client.AssessAsync(PathwayAnswers.Tendon());
        var person = await PageAsync(client, "/lessons/flare-up-first-aid");
        Assert.Contains("Your plan follows the sit-bone tendon pathway, so <a href=\"/lessons/sit-bone-tendon\">Pain at the sit bone</a> fits you better.",
            person, StringComparison.Ordinal);

        var own = await PageAsync(client, "/lessons/sit-bone-tendon");
        Assert.Contains("This lesson is about pain at the sit bone (tendon).", own, StringComparison.Ordinal);
        Assert.DoesNotContain("fits you better", own, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"note\">This lesson", await PageAsync(client, "/lessons/when-to-get-help"), StringComparison.Ordinal);
    }
}
