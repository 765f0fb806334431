using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Plan;

/// <summary>This week's sessions as a calendar file, at the time of day the person chose (?at=18:00).</summary>
public class CalendarModel(PlanService plans, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? at)
    {
        var time = at is null ? PlanCalendar.DefaultTime : PlanCalendar.ParseTime(at);
        if (time is null)
        {
            return BadRequest();
        }
        var owner = users.GetUserId(User)!;
        var view = await plans.ForAsync(owner, cancellationToken: HttpContext.RequestAborted);
        var file = PlanCalendar.Write(view.Week, owner, time.Value, clock.GetUtcNow());
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(file), PlanCalendar.ContentType, $"nervewise-plan-{view.Week.Monday:yyyy-MM-dd}.ics");
    }
}
