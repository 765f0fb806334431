using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Pages.Account;

public class AccountIndexModel(UserManager<NervewiseUser> users) : PageModel
{
    public string Email { get; private set; } = "";
    public string Role { get; private set; } = "";
    public bool Clinician { get; private set; }
    public bool TwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        Clinician = await users.IsInRoleAsync(user, Roles.Clinician);
        Role = Clinician ? "Clinician" : "Personal";
        TwoFactor = user.TwoFactorEnabled;
        return Page();
    }
}
