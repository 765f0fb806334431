using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Documents.Time;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Account;

public class AccountIndexModel(UserManager<NervewiseUser> users, SignInManager<NervewiseUser> signIn) : PageModel
{
    public string Email { get; private set; } = "";
    public string Role { get; private set; } = "";
    public bool Clinician { get; private set; }
    public bool TwoFactor { get; private set; }

    /// <summary>The zone the account shows times in; null when none was ever chosen.</summary>
    public string? CurrentZone { get; private set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await FillAsync(user);
        TimeZone = CurrentZone;
        return Page();
    }

    /// <summary>Changes the zone; the cookie is renewed so every page shows the new zone at once.</summary>
    public async Task<IActionResult> OnPostTimeZoneAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (PersonZone.Find(TimeZone) is not { } zone)
        {
            ModelState.AddModelError(nameof(TimeZone), "Choose a time zone from the list, for example Europe/Berlin.");
            await FillAsync(user);
            return Page();
        }
        await ZoneChoice.SaveAsync(users, signIn, user, zone);
        Saved = $"Times now show in {zone.Id}.";
        return RedirectToPage();
    }

    private async Task FillAsync(NervewiseUser user)
    {
        Email = user.Email ?? "";
        Clinician = await users.IsInRoleAsync(user, Roles.Clinician);
        Role = Clinician ? "Clinician" : "Personal";
        TwoFactor = user.TwoFactorEnabled;
        CurrentZone = PersonZone.Find(user.TimeZone)?.Id;
    }
}
