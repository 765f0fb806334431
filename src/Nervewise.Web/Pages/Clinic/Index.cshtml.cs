using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Web.Clinic;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>The clinician's caseload, ordered by need, and where an invite code is entered.</summary>
public partial class IndexModel(
    ClinicReader reader, CareTeamStore careTeam, UserManager<NervewiseUser> users, InviteAttemptLimiter limiter, ILogger<IndexModel> log)
    : PageModel
{
    /// <summary>
    /// One answer for every code that cannot be used, whatever the reason, so that trying codes tells nothing about
    /// which exist. The person who made the invite sees its real state on their Sharing page.
    /// </summary>
    public const string CodeDidNotWork = "Invite code: that code didn't work. Check it letter by letter (it never contains 0, O, 1 or I), or ask the person for a new one.";

    [BindProperty, Required(ErrorMessage = "Invite code: enter the 8-character code the person gave you.")]
    [Display(Name = "Invite code")]
    public string? Code { get; set; }

    [TempData] public string? Message { get; set; }

    public List<ClinicReader.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await reader.CaseloadAsync(users.GetUserId(User)!, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        if (ModelState.IsValid)
        {
            var me = await users.GetUserAsync(User);
            if (limiter.TryAttempt(me!.Id, HttpContext) is { } wait)
            {
                return InviteAttemptLimiter.TooMany(HttpContext, wait);
            }
            var (outcome, _) = await careTeam.AcceptAsync(me.Id, me.Email ?? "", Code!, HttpContext.RequestAborted);
            if (outcome is CareTeamStore.AcceptOutcome.Accepted or CareTeamStore.AcceptOutcome.AlreadyShared)
            {
                Message = outcome == CareTeamStore.AcceptOutcome.Accepted
                    ? "Done: the person is now in your caseload."
                    : "That person already shares their record with you.";
                return Redirect("/clinic");
            }
            // The real reason goes to the log (without the code), for support; the page gives one answer.
            Refused(log, me.Id, outcome);
            ModelState.AddModelError(nameof(Code), Refusal(outcome));
        }
        Rows = await reader.CaseloadAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        return Page();
    }

    // Only an invite to one's own record is named: that code came from this account, so naming it tells nothing new.
    public static string Refusal(CareTeamStore.AcceptOutcome outcome) => outcome switch
    {
        CareTeamStore.AcceptOutcome.OwnRecord => "Invite code: this is an invite to your own record.",
        _ => CodeDidNotWork,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Invite code refused for account {UserId}: {Outcome}")]
    private static partial void Refused(ILogger logger, string userId, CareTeamStore.AcceptOutcome outcome);
}
