using System.Net;
using System.Text.RegularExpressions;
using Nervewise.Data;
using Nervewise.Domain.Content;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Lessons;

public sealed partial class LessonsTests() : AppTest(DatabaseProvider.Sqlite)
{
    public static TheoryData<string> Slugs => [.. LessonLibrary.All.Select(l => l.Slug)];

    [Fact]
    public async Task The_library_lists_every_lesson_for_anyone()
    {
        var html = await App.Browser().GetStringAsync("/lessons");
        foreach (var lesson in LessonLibrary.All)
        {
            Assert.Contains($"href=\"/lessons/{lesson.Slug}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public async Task Each_lesson_renders_as_headed_html_with_its_sources_and_working_links(string slug)
    {
        var client = App.Browser();
        await client.RegisterAsync($"{slug}@example.com");
        var html = await client.GetStringAsync($"/lessons/{slug}");
        var lesson = LessonLibrary.Find(slug)!;

        Assert.Contains($"<h1>{WebUtility.HtmlEncode(lesson.Title)}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Sources</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("**", html, StringComparison.Ordinal); // no Markdown left unrendered
        // Every link inside the lesson leads to a real page.
        var article = html[html.IndexOf("<article", StringComparison.Ordinal)..];
        foreach (var href in Href().Matches(article).Select(m => m.Groups[1].Value).Distinct())
        {
            using var response = await client.GetAsync(href);
            Assert.True(response.StatusCode is HttpStatusCode.OK,
                $"{slug} links to {href}, which answers {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task An_unknown_lesson_is_not_found()
    {
        using var response = await App.Browser().GetAsync("/lessons/no-such-lesson");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Href();
}
