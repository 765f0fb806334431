using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Email;

namespace Nervewise.Web.Pages.Account;

[AllowAnonymous]
public class SignInModel(SignInManager<NervewiseUser> signIn, TimeProvider clock, AccountMail mail) : PageModel
{
    // One message for a wrong password and a paused account, so that sign-in never tells a stranger which emails have accounts.
    public const string WrongPassword =
        "That email and password do not match. Check them and try again. After 5 failed tries, signing in is paused for 15 minutes.";
    public const string OneTimePasswordExpired =
        "This one-time password has expired. Ask whoever made your account for a new one.";
    public const string EmailNotConfirmed =
        "Your email is not confirmed yet. We have sent you a new link: open it to finish, then you are in.";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        var check = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (user is not null && check.IsNotAllowed)
        {
            return await NotConfirmedAsync(user);
        }
        if (user is null || !check.Succeeded)
        {
            ModelState.AddModelError(string.Empty, WrongPassword);
            return Page();
        }
        if (user.MustChangePassword && clock.GetUtcNow() > user.CreatedAt + AccountRules.OneTimePasswordLifetime)
        {
            ModelState.AddModelError(string.Empty, OneTimePasswordExpired);
            return Page();
        }

        await signIn.SignInAsync(user, Input.RememberMe);
        if (user.MustChangePassword)
        {
            return Redirect("/account/change-password?first=true");
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/today");
    }

    /// <summary>
    /// Identity refuses an unconfirmed email before it checks the password. Only with the right password do we say
    /// so and send a fresh link (ADR 17); a wrong one counts towards the pause as usual.
    /// </summary>
    private async Task<IActionResult> NotConfirmedAsync(NervewiseUser user)
    {
        if (user.EmailConfirmed || await signIn.UserManager.IsLockedOutAsync(user)
            || !await signIn.UserManager.CheckPasswordAsync(user, Input.Password))
        {
            if (!user.EmailConfirmed && !await signIn.UserManager.IsLockedOutAsync(user))
            {
                await signIn.UserManager.AccessFailedAsync(user);
            }
            ModelState.AddModelError(string.Empty, WrongPassword);
            return Page();
        }
        await mail.SendConfirmationAsync(user, Request);
        ModelState.AddModelError(string.Empty, EmailNotConfirmed);
        return Page();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(128)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
