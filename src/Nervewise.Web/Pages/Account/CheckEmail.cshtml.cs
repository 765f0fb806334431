using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Pages.Account;

/// <summary>Where registration always ends, for a new email and a known one alike.</summary>
[AllowAnonymous]
public class CheckEmailModel : PageModel
{
    public int Hours => (int)AccountRules.ConfirmationLinkLifetime.TotalHours;

    public void OnGet()
    {
    }
}
