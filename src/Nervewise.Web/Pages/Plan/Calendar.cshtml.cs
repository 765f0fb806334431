using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Plan;

/// <summary>
/// This week's sessions as a calendar file, at the time of day the person chose (?at=18:00). While the exercises are
/// paused (a warning sign at urgent or higher) the download is refused with 409 and the reason, rather than an empty
/// file a calendar app would import without a word.
/// </summary>
public class CalendarModel(PlanService plans, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public const string PausedTitle = "Your exercises are paused";

    public const string PausedDetail =
        "A warning sign is waiting for a doctor, so there are no sessions to add to your calendar until you have been seen.";

    public async Task<IActionResult> OnGetAsync(string? at)
    {
        var time = at is null ? PlanCalendar.DefaultTime : PlanCalendar.ParseTime(at);
        if (time is null)
        {
            return BadRequest();
        }
        var owner = users.GetUserId(User)!;
        var view = await plans.ForAsync(owner, cancellationToken: HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        if (view.ExercisesPaused)
        {
            return new ObjectResult(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = PausedTitle, Detail = PausedDetail })
            {
                StatusCode = StatusCodes.Status409Conflict,
                ContentTypes = { "application/problem+json" },
            };
        }
        var file = PlanCalendar.Write(view.Week, owner, time.Value, clock.GetUtcNow());
        return File(Encoding.UTF8.GetBytes(file), PlanCalendar.ContentType, $"nervewise-plan-{view.Week.Monday:yyyy-MM-dd}.ics");
    }
}
