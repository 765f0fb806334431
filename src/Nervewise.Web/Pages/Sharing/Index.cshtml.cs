using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Sharing;

/// <summary>A person's sharing: invite a clinician, see who can read the record and who looked, and stop sharing.</summary>
public class IndexModel(CareTeamStore careTeam, UserManager<NervewiseUser> users) : PageModel
{
    [BindProperty, EmailAddress(ErrorMessage = "Clinician's email: enter an email address like name@example.com, or leave it empty.")]
    [Display(Name = "Clinician's email")]
    public string? ClinicianEmail { get; set; }

    [TempData] public string? NewCode { get; set; }
    [TempData] public string? NewCodeExpires { get; set; }
    [TempData] public string? Message { get; set; }

    public List<CareTeamStore.ShareView> Shares { get; private set; } = [];
    public List<ShareInviteRecord> Invites { get; private set; } = [];
    public List<CareTeamStore.ClosedInviteView> ClosedInvites { get; private set; } = [];
    /// <summary>The access log gathered into visits (one row per clinician per hour), each with its complete rows.</summary>
    public List<AccessVisits.Visit> Visits { get; private set; } = [];
    public List<CareTeamStore.NoteView> Notes { get; private set; } = [];

    private string Me => users.GetUserId(User)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var (invite, code) = await careTeam.InviteAsync(Me, ClinicianEmail, HttpContext.RequestAborted);
        NewCode = code;
        NewCodeExpires = User.Shown(invite.ExpiresAt).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return Redirect("/sharing#new-code");
    }

    public async Task<IActionResult> OnPostRevokeShareAsync(Guid id)
    {
        Message = await careTeam.RevokeShareAsync(Me, id, HttpContext.RequestAborted)
            ? "Sharing stopped. That clinician can no longer see your record."
            : "That share had already ended.";
        return Redirect("/sharing");
    }

    public async Task<IActionResult> OnPostRevokeInviteAsync(Guid id)
    {
        Message = await careTeam.RevokeInviteAsync(Me, id, HttpContext.RequestAborted)
            ? "Invite cancelled. Its code no longer works."
            : "That invite had already been used or cancelled.";
        return Redirect("/sharing");
    }

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        Shares = await careTeam.SharesOfAsync(Me, token);
        Invites = await careTeam.OpenInvitesAsync(Me, token);
        ClosedInvites = await careTeam.ClosedInvitesAsync(Me, token);
        Visits = await careTeam.AccessVisitsAsync(Me, cancellationToken: token);
        Notes = await careTeam.NotesForAsync(Me, token);
    }
}
