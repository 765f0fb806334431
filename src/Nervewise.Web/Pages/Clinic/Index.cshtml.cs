using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Web.Clinic;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>The clinician's caseload, ordered by need, and where an invite code is entered.</summary>
public class IndexModel(ClinicReader reader, CareTeamStore careTeam, UserManager<NervewiseUser> users) : PageModel
{
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
            var (outcome, _) = await careTeam.AcceptAsync(me!.Id, me.Email ?? "", Code!, HttpContext.RequestAborted);
            if (outcome is CareTeamStore.AcceptOutcome.Accepted or CareTeamStore.AcceptOutcome.AlreadyShared)
            {
                Message = outcome == CareTeamStore.AcceptOutcome.Accepted
                    ? "Done: the person is now in your caseload."
                    : "That person already shares their record with you.";
                return Redirect("/clinic");
            }
            ModelState.AddModelError(nameof(Code), Refusal(outcome));
        }
        Rows = await reader.CaseloadAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        return Page();
    }

    public static string Refusal(CareTeamStore.AcceptOutcome outcome) => outcome switch
    {
        CareTeamStore.AcceptOutcome.Used => "Invite code: this code has already been used. Ask the person for a new one.",
        CareTeamStore.AcceptOutcome.Expired => "Invite code: this code has expired (codes last 14 days). Ask the person for a new one.",
        CareTeamStore.AcceptOutcome.Revoked => "Invite code: the person cancelled this invite.",
        CareTeamStore.AcceptOutcome.NotForYou => "Invite code: this code was made for another clinician's email.",
        CareTeamStore.AcceptOutcome.OwnRecord => "Invite code: this is an invite to your own record.",
        _ => "Invite code: no invite has this code. Check it letter by letter (it never contains 0, O, 1 or I).",
    };
}
