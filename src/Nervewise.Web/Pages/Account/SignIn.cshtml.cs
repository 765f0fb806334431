using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
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
        var expired = user is not null && user.MustChangePassword
            && clock.GetUtcNow() > user.CreatedAt + AccountRules.OneTimePasswordLifetime;
        // An expired one-time password is only checked, never signed in; otherwise Identity signs in, or asks for
        // the second step when the account has two-step sign-in on.
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : expired ? await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true)
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (user is not null && result.IsNotAllowed)
        {
            return await NotConfirmedAsync(user);
        }
        if (user is null || result.IsLockedOut)
        {
            // These answers would come without hashing the password: hash it anyway, so the time taken does not
            // tell a stranger which emails have accounts.
            HashLikeARealAccount(Input.Password);
        }
        if (result.RequiresTwoFactor)
        {
            return Redirect(QueryHelpers.AddQueryString("/account/sign-in/code", new Dictionary<string, string?>
            {
                ["ReturnUrl"] = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null,
                ["RememberMe"] = Input.RememberMe ? "true" : null,
            }));
        }
        if (user is null || !result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, WrongPassword);
            return Page();
        }
        if (expired)
        {
            ModelState.AddModelError(string.Empty, OneTimePasswordExpired);
            return Page();
        }
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
        var lockedOut = await signIn.UserManager.IsLockedOutAsync(user);
        if (lockedOut)
        {
            HashLikeARealAccount(Input.Password);
        }
        if (user.EmailConfirmed || lockedOut || !await signIn.UserManager.CheckPasswordAsync(user, Input.Password))
        {
            if (!user.EmailConfirmed && !lockedOut)
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

    // Made once per hash strength, with the app's own hasher, from a password nobody knows. Keyed by the rounds so a
    // host that changes them (tests do) never checks against a cheaper hash than its real accounts have.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> DummyHashes = new();

    private void HashLikeARealAccount(string password)
    {
        var hasher = signIn.UserManager.PasswordHasher;
        var rounds = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>().Value.IterationCount;
        var nobody = new NervewiseUser();
        var dummy = DummyHashes.GetOrAdd(rounds, _ => hasher.HashPassword(nobody, Guid.NewGuid().ToString()));
        hasher.VerifyHashedPassword(nobody, dummy, password);
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
