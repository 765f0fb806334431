using Markdig;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Content;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Lessons;

/// <summary>
/// One lesson, open to everyone. For a signed-in person whose exercises are paused (a warning sign at urgent or higher),
/// a lesson about exercise or graded exposure opens with a note that its exercise advice waits for a doctor. A lesson
/// about one source of pain says so, and links the lessons about the others; for a person whose plan follows another
/// pathway it names the lesson that fits them.
/// </summary>
[AllowAnonymous]
public class ShowModel(PlanService plans, UserManager<NervewiseUser> users) : PageModel
{
    // Raw HTML in a lesson is not rendered: the files are ours, but the rule keeps the output safe regardless.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Lessons whose subject is exercise, movement or graded exposure.</summary>
    public static readonly IReadOnlySet<string> ExerciseLessons = new HashSet<string>(StringComparer.Ordinal)
    {
        "graded-exposure", "training-with-pain", "flare-up-first-aid", "hamstring-strain", "sit-bone-tendon",
    };

    public Lesson Lesson { get; private set; } = null!;

    public string Html { get; private set; } = "";

    public Lesson? Next { get; private set; }

    /// <summary>The note that this lesson's exercise advice waits until a doctor has seen the reader.</summary>
    public bool ExerciseAdviceWaits { get; private set; }

    /// <summary>The signed-in person's pathway (not a clinician's); null for anyone else.</summary>
    public Pathway? Own { get; private set; }

    /// <summary>The lesson that fits the person better than this one, when this one is about another source.</summary>
    public Lesson? Better { get; private set; }

    /// <summary>The first lesson about each other source, for a reader whose source may not be this lesson's.</summary>
    public IReadOnlyList<Lesson> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (LessonLibrary.Find(slug) is not { } lesson)
        {
            return NotFound();
        }
        Lesson = lesson;
        Html = Markdown.ToHtml(lesson.Markdown, Pipeline);
        Next = LessonLibrary.All.SkipWhile(l => l.Slug != slug).Skip(1).FirstOrDefault();
        if (users.GetUserId(User) is { } owner && !User.IsInRole(Roles.Clinician))
        {
            var view = await plans.ForAsync(owner, cancellationToken: HttpContext.RequestAborted);
            Own = view.Result.Pathway;
            ExerciseAdviceWaits = ExerciseLessons.Contains(slug) && view.ExercisesPaused;
        }
        if (lesson.Pathway is { } about)
        {
            var fitting = Own is { } own ? LessonLibrary.Fitting(slug, own) : lesson;
            Better = fitting.Slug == slug ? null : fitting;
            Others = [.. RehabNames.Pathways.Where(p => p != about && p != Own).SelectMany(p => LessonLibrary.About(p).Take(1))];
        }
        return Page();
    }
}
