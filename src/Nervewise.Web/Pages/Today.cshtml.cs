using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Pages;

public class TodayModel(UserManager<NervewiseUser> users) : PageModel
{
    public string Email { get; private set; } = "";
    public bool IsClinician { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        IsClinician = await users.IsInRoleAsync(user, Roles.Clinician);
        return Page();
    }
}
