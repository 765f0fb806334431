using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Email;

namespace Nervewise.Web.Pages.Account;

/// <summary>
/// The link from the confirmation message. Opening it shows a button; the post confirms and signs in, so that a
/// mail scanner that follows links confirms nothing (ADR 17). A confirmed account's link signs nobody in again.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<NervewiseUser> users, SignInManager<NervewiseUser> signIn) : PageModel
{
    public const string Expired = "This link has run out or has already been used.";

    public enum Result { Ready, AlreadyConfirmed, Expired }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Result Outcome { get; private set; }

    public async Task OnGetAsync() => Outcome = (await CheckAsync()).Outcome;

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, user, token) = await CheckAsync();
        Outcome = outcome;
        if (outcome != Result.Ready)
        {
            return Page();
        }
        var confirmed = await users.ConfirmEmailAsync(user!, token!);
        if (!confirmed.Succeeded)
        {
            Outcome = Result.Expired;
            return Page();
        }
        await signIn.SignInAsync(user!, isPersistent: false);
        // Where registration used to go: the first run (what Nervewise does, the questions, a first week).
        return Redirect("/welcome");
    }

    private async Task<(Result Outcome, NervewiseUser? User, string? Token)> CheckAsync()
    {
        var token = AccountMail.Token(Code);
        var user = string.IsNullOrEmpty(UserId) || token is null ? null : await users.FindByIdAsync(UserId);
        if (user is null)
        {
            return (Result.Expired, null, null);
        }
        var valid = await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<NervewiseUser>.ConfirmEmailTokenPurpose, token!);
        if (!valid)
        {
            return (Result.Expired, null, null);
        }
        return user.EmailConfirmed ? (Result.AlreadyConfirmed, null, null) : (Result.Ready, user, token);
    }
}
