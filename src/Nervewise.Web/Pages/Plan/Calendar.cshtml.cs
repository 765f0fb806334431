using Nervewise.Documents.Calendar;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Plan;

/// <summary>
/// The next four weeks of sessions as a calendar file, at the time of day the person chose (at=18:00), in their own
/// zone, with the reminder they chose (remind=30, or off). Posting the form keeps the reminder choice on the account
/// for next time; a plain link uses the kept choice. While the exercises are paused (a warning sign at urgent or
/// higher) the download is refused with 409 and the reason, rather than an empty file a calendar app would import
/// without a word.
/// </summary>
public class CalendarModel(PlanService plans, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public const string PausedTitle = "Your exercises are paused";

    public const string PausedDetail =
        "A warning sign is waiting for a doctor, so there are no sessions to add to your calendar until you have been seen.";

    /// <summary>The account's kept reminder choice (a user claim, so no new column is needed).</summary>
    public const string ReminderClaim = "nervewise:calendar-reminder";

    public Task<IActionResult> OnGetAsync(string? at, string? remind) => FileAsync(at, remind, keep: false);

    public Task<IActionResult> OnPostAsync(string? at, string? remind) => FileAsync(at, remind, keep: true);

    /// <summary>The reminder the account keeps, or the default when it has none.</summary>
    public static async Task<string> KeptReminderAsync(UserManager<NervewiseUser> users, NervewiseUser user) =>
        (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == ReminderClaim)?.Value is { } kept && PlanCalendar.TryReminder(kept, out _)
            ? kept
            : PlanCalendar.DefaultReminder;

    private async Task<IActionResult> FileAsync(string? at, string? remind, bool keep)
    {
        var time = at is null ? PlanCalendar.DefaultTime : PlanCalendar.ParseTime(at);
        if (time is null || (remind is not null && !PlanCalendar.TryReminder(remind, out _)))
        {
            return BadRequest();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var view = await plans.ForAsync(user.Id, cancellationToken: HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        if (view.ExercisesPaused)
        {
            return new ObjectResult(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = PausedTitle, Detail = PausedDetail })
            {
                StatusCode = StatusCodes.Status409Conflict,
                ContentTypes = { "application/problem+json" },
            };
        }
        var choice = remind ?? await KeptReminderAsync(users, user);
        if (keep)
        {
            await KeepAsync(user, choice);
        }
        PlanCalendar.TryReminder(choice, out var minutes);
        // Four weeks from the person's today: the same plan, laid out week by week as the plan page lays out this one.
        var weeks = Enumerable.Range(0, PlanCalendar.Days / 7 + 1)
            .Select(k => k == 0 ? view.Week : WeeklyPlan.For(view.Result, view.Settings, view.Today.AddDays(7 * k), view.Entries, RehabRules.Current))
            .ToList();
        var file = PlanCalendar.Write(view.Week, weeks.SelectMany(w => w.Days), user.Id, time.Value, minutes, ReaderZone.ZoneOf(User),
            clock.GetUtcNow().ToOffset(view.Offset));
        return File(Encoding.UTF8.GetBytes(file), PlanCalendar.ContentType, $"nervewise-plan-{view.Today:yyyy-MM-dd}.ics");
    }

    private async Task KeepAsync(NervewiseUser user, string choice)
    {
        var claims = await users.GetClaimsAsync(user);
        var old = claims.FirstOrDefault(c => c.Type == ReminderClaim);
        if (old is null)
        {
            await users.AddClaimAsync(user, new Claim(ReminderClaim, choice));
        }
        else if (old.Value != choice)
        {
            await users.ReplaceClaimAsync(user, old, new Claim(ReminderClaim, choice));
        }
    }
}
