using System.Net;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Domain.Content;
using Nervewise.Web.Pages.Lessons;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.Lessons;

public sealed class LessonSafetyTestsOnSqlite() : LessonSafetyTests(DatabaseProvider.Sqlite);

public sealed class LessonSafetyTestsOnPostgres() : LessonSafetyTests(DatabaseProvider.Postgres);

/// <summary>Lessons about exercise say, at their top, that their exercise advice waits while a warning sign at urgent or higher is in force.</summary>
public abstract class LessonSafetyTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Note = "the exercise and movement advice in this lesson waits until a doctor";

    private readonly FakeTimeProvider _clock = Clock(3, 9);

    public static TheoryData<string> ExerciseLessons => [.. ShowModel.ExerciseLessons];

    private async Task<HttpClient> PersonAsync(string? symptom)
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync("ada@example.com");
        if (symptom is not null)
        {
            await client.PostAsync(At(2, 20), "symptom", symptom, 3);
        }
        return client;
    }

    private static async Task<string> LessonAsync(HttpClient client, string slug) =>
        WebUtility.HtmlDecode(await client.GetStringAsync($"/lessons/{slug}"));

    [Fact]
    public void The_exercise_lessons_are_real_lessons() =>
        Assert.All(ShowModel.ExerciseLessons, slug => Assert.NotNull(LessonLibrary.Find(slug)));

    [Theory]
    [MemberData(nameof(ExerciseLessons))]
    public async Task At_urgent_or_higher_an_exercise_lesson_opens_with_the_note_and_the_way_to_when_to_get_help(string slug)
    {
        var client = await PersonAsync("injected-drugs");

        var page = await LessonAsync(client, slug);

        var note = page.IndexOf(Note, StringComparison.Ordinal);
        Assert.True(note > page.IndexOf("<h1>", StringComparison.Ordinal) && note < page.IndexOf("class=\"lead\"", StringComparison.Ordinal),
            "The note sits at the top of the lesson, under its title.");
        Assert.Contains("<a href=\"/lessons/when-to-get-help\">when to get help</a>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("data-urgency=\"urgent\"", StringComparison.Ordinal) < page.IndexOf("<h1>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_lessons_soon_and_clear_states_and_visitors_get_no_note()
    {
        var urgent = await PersonAsync("injected-drugs");
        Assert.DoesNotContain(Note, await LessonAsync(urgent, "when-to-get-help"), StringComparison.Ordinal);

        var visitor = App.OnClock(_clock).Browser();
        Assert.DoesNotContain(Note, await LessonAsync(visitor, "graded-exposure"), StringComparison.Ordinal);
        Assert.DoesNotContain("safety-card", await LessonAsync(visitor, "graded-exposure"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("weakness")]
    [InlineData(null)]
    public async Task Below_urgent_the_exercise_lessons_read_as_they_are(string? symptom)
    {
        var client = await PersonAsync(symptom);

        Assert.DoesNotContain(Note, await LessonAsync(client, "graded-exposure"), StringComparison.Ordinal);
    }
}
