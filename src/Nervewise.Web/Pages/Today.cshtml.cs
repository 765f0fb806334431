using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Content;
using Nervewise.Domain.Home;
using Nervewise.Domain.Rehab;
using Nervewise.Documents.Time;
using Nervewise.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Nervewise.Web.Home;

namespace Nervewise.Web.Pages;

/// <summary>
/// The signed-in home page, built for a phone: today's sessions, one-tap logging, what is due, flare-up help, the
/// pain of the last weeks and whether it is retreating up the leg. Clinicians never reach it: ClinicianPages sends them
/// to their caseload.
/// Warning signs are the layout's safety card; at urgent or higher the page gives no exercise advice, and a check is
/// recorded only at /safety/check.
/// </summary>
public class TodayModel(UserManager<NervewiseUser> users, SignInManager<NervewiseUser> signIn, HomeService home, Nervewise.Data.NervewiseDbContext db) : PageModel
{
    public HomeService.View View { get; private set; } = null!;

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Today reads a dozen small things (diary, plan, safety, assessment, the clinician's news). Opened once, the
        // connection stays with the request: under load, taking it from the pool and back for every query was where
        // Today's time went (lock contention in the pool, measured in docs/performance.md). The context closes it.
        await db.Database.OpenConnectionAsync(HttpContext.RequestAborted);
        // The id from the cookie is enough: the session check has already read this account's row for the request
        // (SessionCheck), so loading the whole user again here only cost a tracked query.
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }
        View = await home.ForAsync(userId, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>
    /// Today has no form. A page kept from before checks moved (its "checked me" button) lands on /safety/check, which
    /// names what a check clears and asks to confirm; nothing is recorded here.
    /// </summary>
    public IActionResult OnPost() => Redirect("/safety/check");

    /// <summary>
    /// The one-tap offer for an account with no zone: keeps this device's zone and renews the cookie so every page
    /// shows it at once. A zone the device could not name goes to the account page, where one can be chosen.
    /// </summary>
    public async Task<IActionResult> OnPostZoneAsync(string? zone)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (PersonZone.Find(zone) is not { } found)
        {
            return Redirect("/account");
        }
        await ZoneChoice.SaveAsync(users, signIn, user, found);
        Saved = $"Times now show in {found.Id}.";
        return RedirectToPage();
    }

    /// <summary>
    /// One short lesson that fits where the person is now, and their pathway: a person on the strain or tendon plan is
    /// offered the lesson about their own source instead of a nerve-only one.
    /// </summary>
    public string SuggestedLesson()
    {
        var view = View;
        var result = view.Plan.Result;
        var slug = view.Safety.NeedsHelp || view.Due(Reminder.NotImproving) ? "when-to-get-help"
            : view.Days.TakeLast(7).Any(d => d.Flares > 0) ? "flare-up-first-aid"
            : !view.SetupDone ? "nerve-pain-is-rarely-damage"
            : result.Pathway != Pathway.Nerve || result.Stage != Stage.Settle ? "graded-exposure"
            : "pain-that-comes-later";
        return LessonLibrary.Fitting(slug, result.Pathway).Slug;
    }
}
