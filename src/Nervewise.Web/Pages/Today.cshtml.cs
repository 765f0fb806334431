using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Home;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Home;

namespace Nervewise.Web.Pages;

/// <summary>
/// The signed-in home page, built for a phone: today's sessions, one-tap logging, what is due, flare-up help, the
/// pain of the last weeks and whether it is retreating up the leg. Clinicians get their caseload instead.
/// </summary>
public class TodayModel(UserManager<NervewiseUser> users, HomeService home, PlanSettingsStore settings, TimeProvider clock) : PageModel
{
    public bool IsClinician { get; private set; }

    public HomeService.View View { get; private set; } = null!;

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        IsClinician = await users.IsInRoleAsync(user, Roles.Clinician);
        if (!IsClinician)
        {
            View = await home.ForAsync(user.Id, HttpContext.RequestAborted);
        }
        return Page();
    }

    /// <summary>The person says a doctor or physio has checked the warning signs: the plan is no longer on hold.</summary>
    public async Task<IActionResult> OnPostCheckedAsync()
    {
        var owner = users.GetUserId(User)!;
        var now = clock.GetUtcNow();
        await settings.ChangeAsync(owner, PlanActor.Self(owner), s => s with { SafetyCheckedAt = now }, HttpContext.RequestAborted);
        Saved = "Noted: you have been checked. Your plan is back on. If a warning sign comes back, get help straight away.";
        return Redirect("/today");
    }

    /// <summary>One short lesson that fits where the person is now.</summary>
    public string SuggestedLesson()
    {
        var view = View;
        if (view.PlanOnHold || view.Due(Reminder.NotImproving))
        {
            return "when-to-get-help";
        }
        if (view.Days.TakeLast(7).Any(d => d.Flares > 0))
        {
            return "flare-up-first-aid";
        }
        if (!view.SetupDone)
        {
            return "nerve-pain-is-rarely-damage";
        }
        return view.Plan.Result.Stage >= Stage.GeneralMovement ? "graded-exposure" : "pain-that-comes-later";
    }
}
