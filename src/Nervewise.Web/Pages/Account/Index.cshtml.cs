using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Documents.Time;
using Nervewise.Web.Account;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Account;

public class AccountIndexModel(
    UserManager<NervewiseUser> users, SignInManager<NervewiseUser> signIn, TimeProvider clock, AppApprovals approvals) : PageModel
{
    /// <summary>The name as pages show it (for an older account without one, the start of its email).</summary>
    public string ShownName { get; private set; } = "";
    public DateOnly? Born { get; private set; }
    public string? ProfessionLine { get; private set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? DateOfBirth { get; set; }

    /// <summary>Only a clinician's is kept: it is shown to the people who share with them.</summary>
    [BindProperty]
    public string? Profession { get; set; }

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

    /// <summary>The apps this account allowed to read through the FHIR API, newest first.</summary>
    public IReadOnlyList<AppApprovals.Approval> Apps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await FillAsync(user);
        TimeZone = CurrentZone;
        (DisplayName, DateOfBirth, Profession) = (user.DisplayName, NameFields.Input(user.DateOfBirth), user.Profession);
        return Page();
    }

    /// <summary>Changes the name, date of birth and (for a clinician) profession together; nothing is kept if any is refused.</summary>
    public async Task<IActionResult> OnPostDetailsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await FillAsync(user);
        var (name, nameProblem) = NameFields.Name(DisplayName);
        var (born, bornProblem) = NameFields.BirthDate(DateOfBirth, User.Today(clock));
        var (profession, professionProblem) = Clinician ? NameFields.Profession(Profession) : (null, null);
        AddProblem(nameof(DisplayName), nameProblem);
        AddProblem(nameof(DateOfBirth), bornProblem);
        AddProblem(nameof(Profession), professionProblem);
        if (!ModelState.IsValid)
        {
            TimeZone = CurrentZone;
            return Page();
        }
        user.DisplayName = name;
        user.DateOfBirth = born;
        if (Clinician)
        {
            user.Profession = profession;
        }
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException($"Could not save the account's details: {Data.DatabaseInitializer.Describe(updated)}");
        }
        Saved = "Your details are saved.";
        return RedirectToPage();
    }

    private void AddProblem(string field, string? problem)
    {
        if (problem is not null)
        {
            ModelState.AddModelError(field, problem);
        }
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
            (DisplayName, DateOfBirth, Profession) = (user.DisplayName, NameFields.Input(user.DateOfBirth), user.Profession);
            return Page();
        }
        await ZoneChoice.SaveAsync(users, signIn, user, zone);
        Saved = $"Times now show in {zone.Id}.";
        return RedirectToPage();
    }

    /// <summary>"Stop access": the approval and every token the app holds under it stop working at once.</summary>
    public async Task<IActionResult> OnPostStopAppAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var stopped = !string.IsNullOrEmpty(id) && await approvals.StopAsync(user.Id, id, HttpContext.RequestAborted);
        Saved = stopped ? "That app can no longer read your record." : "That app's access had already stopped.";
        return RedirectToPage();
    }

    private async Task FillAsync(NervewiseUser user)
    {
        Email = user.Email ?? "";
        ShownName = Domain.People.PersonName.Shown(user.DisplayName, user.Email);
        Born = user.DateOfBirth;
        ProfessionLine = user.Profession;
        Clinician = await users.IsInRoleAsync(user, Roles.Clinician);
        Role = Clinician ? "Clinician" : "Personal";
        TwoFactor = user.TwoFactorEnabled;
        CurrentZone = PersonZone.Find(user.TimeZone)?.Id;
        Apps = await approvals.ListAsync(user.Id, Clinician, HttpContext.RequestAborted);
    }
}
