using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Account;

namespace Nervewise.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the app, or one recovery code.</summary>
[AllowAnonymous]
public class SignInCodeModel(SignInManager<NervewiseUser> signIn) : PageModel
{
    public const string WrongCode =
        "That code did not work. Type the 6 numbers your app shows now. After 5 wrong tries, signing in is paused for 15 minutes.";
    public const string WrongRecoveryCode =
        "That recovery code did not work. Each code works once. Check it and try again.";
    public const string Paused = "Too many wrong tries: signing in is paused for 15 minutes.";

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    /// <summary>True to type a recovery code instead of a code from the app.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        // Only after the password step, which leaves a short-lived cookie naming the account.
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(SignInPath) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect(SignInPath);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Recovery ? AuthenticatorSetup.CleanRecoveryCode(Input.Code) : AuthenticatorSetup.Clean(Input.Code);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (Recovery)
        {
            // Identity leaves recovery codes out of the lockout count; count them too, so guessing is no easier here.
            if (await signIn.UserManager.IsLockedOutAsync(user))
            {
                result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
            }
            else
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
                if (!result.Succeeded)
                {
                    await signIn.UserManager.AccessFailedAsync(user);
                }
            }
        }
        else
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/today");
        }
        ModelState.AddModelError("Input.Code", result.IsLockedOut ? Paused : Recovery ? WrongRecoveryCode : WrongCode);
        return Page();
    }

    private string SignInPath => Url.IsLocalUrl(ReturnUrl)
        ? $"/account/sign-in?ReturnUrl={Uri.EscapeDataString(ReturnUrl)}"
        : "/account/sign-in";

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Type the code.")]
        [StringLength(32)]
        public string Code { get; set; } = "";
    }
}
