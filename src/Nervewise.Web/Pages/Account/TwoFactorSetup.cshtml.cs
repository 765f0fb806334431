using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Account;

namespace Nervewise.Web.Pages.Account;

/// <summary>Turns on two-step sign-in: the app learns the key, the person proves it with one code, and gets recovery codes once.</summary>
public class TwoFactorSetupModel(UserManager<NervewiseUser> users, SignInManager<NervewiseUser> signIn) : PageModel
{
    public const string WrongCode =
        "That code did not match. Type the 6 numbers your app shows now. If it still does not work, check that the time on your phone is set automatically.";

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public AuthenticatorSetup? Setup { get; private set; }

    public bool Clinician { get; private set; }

    /// <summary>Set once, in the answer that turned two-step sign-in on; never shown again.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return Redirect("/account/two-factor");
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return Redirect("/account/two-factor");
        }
        var code = AuthenticatorSetup.Clean(Input.Code);
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", WrongCode);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorSetup.RecoveryCodeCount) ?? []];
        // The session carries the new state (the clinicians' gate reads it) and the new security stamp.
        await signIn.RefreshSignInAsync(user);
        Clinician = await users.IsInRoleAsync(user, Roles.Clinician);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task LoadAsync(NervewiseUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: keep this session.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        Setup = AuthenticatorSetup.For(user.Email ?? "", key!);
        Clinician = await users.IsInRoleAsync(user, Roles.Clinician);
        // The key is a secret: no copy in any cache.
        Response.Headers.CacheControl = "no-store";
    }

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Type the 6-number code from your app.")]
        [RegularExpression(@"^[\s-]*(\d[\s-]*){6}$", ErrorMessage = "Type the 6-number code from your app: numbers only.")]
        public string Code { get; set; } = "";
    }
}
