using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Email;

namespace Nervewise.Web.Pages.Account;

/// <summary>
/// The link from the reset message. A new password under the usual rules; the security stamp changes, so every
/// other session ends and the link cannot be used again; the email counts as confirmed, since the link reached it.
/// </summary>
[AllowAnonymous]
public class ResetPasswordModel(UserManager<NervewiseUser> users) : PageModel
{
    public const string Expired = "This link has run out or has already been used.";
    public const string DoneMessage =
        "Your password has been changed, and you have been signed out everywhere else. Sign in with your new password.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public bool LinkWorks { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync() => LinkWorks = await FindAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var found = await FindAsync();
        LinkWorks = found is not null;
        if (found is not { } user || !ModelState.IsValid)
        {
            return Page();
        }

        var reset = await users.ResetPasswordAsync(user, AccountMail.Token(Code)!, Input.Password);
        if (!reset.Succeeded)
        {
            foreach (var error in reset.Errors)
            {
                if (error.Code == "InvalidToken")
                {
                    LinkWorks = false;
                    return Page();
                }
                ModelState.AddModelError("Input.Password", AccountErrors.Friendly(error));
            }
            return Page();
        }

        // The link reached the inbox, so the address is proven; a one-time password is replaced as well.
        user.EmailConfirmed = true;
        user.MustChangePassword = false;
        // Proving the inbox lifts a pause from wrong passwords too.
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        Done = true;
        return Page();
    }

    private async Task<NervewiseUser?> FindAsync()
    {
        var token = AccountMail.Token(Code);
        var user = string.IsNullOrEmpty(UserId) || token is null ? null : await users.FindByIdAsync(UserId);
        return user is not null && await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<NervewiseUser>.ResetPasswordTokenPurpose, token!)
            ? user
            : null;
    }

    public sealed class ResetInput
    {
        // Length and strength are Identity's validators (AccountRules), the same as at registration.
        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
