using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Assessment;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.Welcome;

/// <summary>
/// The first run, step 1: what Nervewise does and does not do, then the questions, or skip to the home page.
/// Nothing is stored about the path itself: with no assessment yet, set-up is simply not finished.
/// </summary>
public class WelcomeModel(AssessmentStore assessments, SafetyService safety, UserManager<NervewiseUser> users) : PageModel
{
    public bool Answered { get; private set; }

    /// <summary>A warning sign at urgent or higher: the first week is not "ready", it waits for a doctor.</summary>
    public bool ExercisesPaused { get; private set; }

    public async Task OnGetAsync()
    {
        var owner = users.GetUserId(User)!;
        Answered = await assessments.LatestAsync(owner, HttpContext.RequestAborted) is not null;
        ExercisesPaused = (await safety.ForAsync(owner, HttpContext.RequestAborted)).PausesExercise;
    }
}
