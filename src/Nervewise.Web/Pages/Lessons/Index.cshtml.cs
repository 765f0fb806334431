using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Content;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Lessons;

/// <summary>
/// The lesson library: open to everyone, as it holds no one's data. Lessons are grouped by the source of pain they are
/// about; a signed-in person sees the group of their own plan's pathway first.
/// </summary>
[AllowAnonymous]
public class IndexModel(PlanService plans, UserManager<NervewiseUser> users) : PageModel
{
    /// <summary>One group of lessons: about one source (a pathway), or for everyone (null).</summary>
    public sealed record Group(Pathway? Pathway, string Title, IReadOnlyList<Lesson> Lessons);

    /// <summary>The person's own pathway when signed in (not a clinician); null otherwise.</summary>
    public Pathway? Own { get; private set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (users.GetUserId(User) is { } owner && !User.IsInRole(Roles.Clinician))
        {
            Own = (await plans.ForAsync(owner, cancellationToken: HttpContext.RequestAborted)).Result.Pathway;
        }
        var groups = RehabNames.Pathways
            .Select(p => new Group(p, Title(p), LessonLibrary.About(p)))
            .OrderByDescending(g => g.Pathway == Own)
            .Append(new Group(null, "For everyone", [.. LessonLibrary.All.Where(l => l.Pathway is null)]));
        Groups = [.. groups.Where(g => g.Lessons.Count > 0)];
    }

    public static string Title(Pathway pathway) => pathway switch
    {
        Pathway.Nerve => "Nerve pain",
        Pathway.Muscle => "A strained hamstring",
        Pathway.Tendon => "Pain at the sit bone (tendon)",
        _ => throw new ArgumentOutOfRangeException(nameof(pathway)),
    };
}
