using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Email;

namespace Nervewise.Web.Pages.Account;

/// <summary>Sends a reset link when the email has an account, and answers the same when it has not (ADR 17).</summary>
[AllowAnonymous]
public class ForgotPasswordModel(UserManager<NervewiseUser> users, AccountMail mail) : PageModel
{
    public static readonly string SentMessage =
        "If an account uses that email, we have sent it a link to choose a new password. " +
        $"The link works for {(int)AccountRules.ResetLinkLifetime.TotalMinutes} minutes.";

    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Input.Email.Trim();
        if (ModelState.IsValid && EmailRule.Check(email) is { } problem)
        {
            ModelState.AddModelError("Input.Email", problem);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await users.FindByEmailAsync(email) is { } user)
        {
            await mail.SendResetAsync(user, Request);
        }
        return Redirect("/account/forgot-password?sent=true");
    }

    public sealed class ForgotInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        public string Email { get; set; } = "";
    }
}
