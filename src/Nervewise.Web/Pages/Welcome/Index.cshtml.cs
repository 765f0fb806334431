using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Assessment;

namespace Nervewise.Web.Pages.Welcome;

/// <summary>
/// The first run, step 1: what Nervewise does and does not do, then the questions, or skip to the home page.
/// Nothing is stored about the path itself: with no assessment yet, set-up is simply not finished.
/// </summary>
public class WelcomeModel(AssessmentStore assessments, UserManager<NervewiseUser> users) : PageModel
{
    public bool Answered { get; private set; }

    public async Task OnGetAsync() =>
        Answered = await assessments.LatestAsync(users.GetUserId(User)!, HttpContext.RequestAborted) is not null;
}
