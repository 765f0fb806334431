using Markdig;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Content;
using Nervewise.Domain.Safety;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.Lessons;

/// <summary>
/// One lesson, open to everyone. For a signed-in person whose exercises are paused (a warning sign at urgent or higher),
/// a lesson about exercise or graded exposure opens with a note that its exercise advice waits for a doctor.
/// </summary>
[AllowAnonymous]
public class ShowModel(SafetyService safety, UserManager<NervewiseUser> users) : PageModel
{
    // Raw HTML in a lesson is not rendered: the files are ours, but the rule keeps the output safe regardless.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Lessons whose subject is exercise, movement or graded exposure.</summary>
    public static readonly IReadOnlySet<string> ExerciseLessons = new HashSet<string>(StringComparer.Ordinal)
    {
        "graded-exposure", "training-with-pain", "flare-up-first-aid",
    };

    public Lesson Lesson { get; private set; } = null!;

    public string Html { get; private set; } = "";

    public Lesson? Next { get; private set; }

    /// <summary>The note that this lesson's exercise advice waits until a doctor has seen the reader.</summary>
    public bool ExerciseAdviceWaits { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (LessonLibrary.Find(slug) is not { } lesson)
        {
            return NotFound();
        }
        Lesson = lesson;
        Html = Markdown.ToHtml(lesson.Markdown, Pipeline);
        Next = LessonLibrary.All.SkipWhile(l => l.Slug != slug).Skip(1).FirstOrDefault();
        if (ExerciseLessons.Contains(slug) && users.GetUserId(User) is { } owner && !User.IsInRole(Roles.Clinician))
        {
            ExerciseAdviceWaits = (await safety.ForAsync(owner, HttpContext.RequestAborted)).PausesExercise;
        }
        return Page();
    }
}
