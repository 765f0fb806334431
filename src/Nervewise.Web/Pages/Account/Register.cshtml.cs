using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Pages.Account;

[AllowAnonymous]
public class RegisterModel(
    UserManager<NervewiseUser> users,
    SignInManager<NervewiseUser> signIn,
    NervewiseDbContext db,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/today") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new NervewiseUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        // The account and its role are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, Friendly(error));
            }
            return Page();
        }

        var role = await users.AddToRoleAsync(user, Roles.Patient);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException($"Could not give the new account its role: {DatabaseInitializer.Describe(role)}");
        }
        await transaction.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        // The first run: what Nervewise does, the questions, then a first week that fits (skippable).
        return Redirect("/welcome");
    }

    // Identity's own wording names user names; ours speaks of emails.
    private static string Friendly(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => "An account with this email already exists. Try signing in instead.",
        "InvalidEmail" or "InvalidUserName" => "Enter an email address like name@example.com.",
        _ => error.Description,
    };

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
        [StringLength(256, ErrorMessage = "That email address is too long.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(128, MinimumLength = AccountRules.MinimumPasswordLength,
            ErrorMessage = "Use at least {2} characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
