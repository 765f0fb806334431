using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Account;

namespace Nervewise.Web.Pages.Account;

/// <summary>
/// Two-step sign-in once it is on: new recovery codes, a new phone, or (not for clinicians) turning it off.
/// Each change asks for the password or a current code, so a session left open on a shared computer is not enough.
/// </summary>
public class TwoFactorModel(UserManager<NervewiseUser> users, SignInManager<NervewiseUser> signIn) : PageModel
{
    public const string WrongProof = "That is not your password or a current code from your app.";
    public const string Paused = "Too many wrong tries: changes are paused for 15 minutes.";
    public const string ClinicianKeepsIt =
        "Clinician accounts keep two-step sign-in on, because they open other people's health records.";

    [BindProperty]
    public ProofInput Input { get; set; } = new();

    /// <summary>What was just done, for the status line: "off".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public bool Enabled { get; private set; }
    public bool Clinician { get; private set; }
    public int CodesLeft { get; private set; }

    /// <summary>Set once, in the answer that made them.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public Task<IActionResult> OnPostCodesAsync() => ChangeAsync(async user =>
    {
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorSetup.RecoveryCodeCount) ?? []];
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(user);
        return Page();
    });

    public Task<IActionResult> OnPostNewPhoneAsync() => ChangeAsync(async user =>
    {
        // Off, with a new key: the old phone's codes stop working, and set-up starts again with the new one.
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Redirect("/account/two-factor/setup");
    });

    public Task<IActionResult> OnPostTurnOffAsync() => ChangeAsync(async user =>
    {
        if (await users.IsInRoleAsync(user, Roles.Clinician))
        {
            ModelState.AddModelError(string.Empty, ClinicianKeepsIt);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so that turning it on again never brings back an old phone's codes.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Redirect("/account/two-factor?done=off");
    });

    private async Task<IActionResult> ChangeAsync(Func<NervewiseUser, Task<IActionResult>> change)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return Redirect("/account/two-factor");
        }
        if (ModelState.IsValid)
        {
            var proof = await ProveAsync(user, Input.Proof);
            if (proof is not null)
            {
                ModelState.AddModelError("Input.Proof", proof);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        return await change(user);
    }

    /// <summary>Null when the password or a current code is right; otherwise what to tell the person.</summary>
    private async Task<string?> ProveAsync(NervewiseUser user, string typed)
    {
        var code = AuthenticatorSetup.Clean(typed);
        // Passwords are at least 10 characters, so 6 digits can only be a code.
        var isCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        if (await users.IsLockedOutAsync(user))
        {
            return Paused;
        }
        var right = isCode
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await users.CheckPasswordAsync(user, typed);
        if (right)
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }
        // Wrong guesses count towards the same pause as at sign-in.
        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? Paused : WrongProof;
    }

    private async Task LoadAsync(NervewiseUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Clinician = await users.IsInRoleAsync(user, Roles.Clinician);
        CodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }

    public sealed class ProofInput
    {
        [Required(ErrorMessage = "Type your password or a code from your app.")]
        [StringLength(128)]
        [DataType(DataType.Password)]
        public string Proof { get; set; } = "";
    }
}
