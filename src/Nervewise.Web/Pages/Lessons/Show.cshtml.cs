using Markdig;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Domain.Content;

namespace Nervewise.Web.Pages.Lessons;

[AllowAnonymous]
public class ShowModel : PageModel
{
    // Raw HTML in a lesson is not rendered: the files are ours, but the rule keeps the output safe regardless.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public Lesson Lesson { get; private set; } = null!;

    public string Html { get; private set; } = "";

    public Lesson? Next { get; private set; }

    public IActionResult OnGet(string slug)
    {
        if (LessonLibrary.Find(slug) is not { } lesson)
        {
            return NotFound();
        }
        Lesson = lesson;
        Html = Markdown.ToHtml(lesson.Markdown, Pipeline);
        Next = LessonLibrary.All.SkipWhile(l => l.Slug != slug).Skip(1).FirstOrDefault();
        return Page();
    }
}
