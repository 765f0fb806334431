using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Domain.Safety;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.Safety;

/// <summary>
/// "A doctor or physiotherapist has checked this": names the warning signs it clears, asks once to confirm, and
/// writes a <c>checked</c> diary row. A warning sign logged after it raises the safety state again at once.
/// </summary>
public class CheckModel(SafetyService safety) : PageModel
{
    public SafetyState State { get; private set; } = SafetyState.Clear;

    [BindProperty]
    public bool Confirm { get; set; }

    public string? Problem { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync() => State = await safety.ForAsync(Owner, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        State = await safety.ForAsync(Owner, HttpContext.RequestAborted);
        if (!State.NeedsHelp)
        {
            return Redirect("/today");
        }
        if (!Confirm)
        {
            Problem = "Tick the box to confirm that a doctor or physiotherapist has checked these signs.";
            return Page();
        }
        await safety.RecordCheckAsync(Owner, "you", State, HttpContext.RequestAborted);
        Saved = "Noted: a professional has checked your warning signs. If any of them comes back, or a new one appears, get help straight away.";
        return Redirect("/today");
    }

    private string Owner => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
}
