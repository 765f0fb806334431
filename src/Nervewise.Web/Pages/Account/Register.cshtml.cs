using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Documents.Time;
using Nervewise.Web.Account;
using Nervewise.Web.Email;

namespace Nervewise.Web.Pages.Account;

/// <summary>
/// Registration answers the same whether or not the email has an account (ADR 17): a new email gets an unconfirmed
/// account and a confirmation link; an existing one gets a note to its owner, and nothing changes.
/// </summary>
[AllowAnonymous]
public class RegisterModel(
    UserManager<NervewiseUser> users,
    NervewiseDbContext db,
    AccountMail mail,
    TimeProvider clock) : PageModel
{
    public const string CheckEmailPath = "/account/check-email";

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/today") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Input.Email.Trim();
        if (ModelState.IsValid && EmailRule.Check(email) is { } problem)
        {
            ModelState.AddModelError("Input.Email", problem);
        }
        var (name, nameProblem) = NameFields.Name(Input.DisplayName);
        if (nameProblem is not null)
        {
            ModelState.AddModelError("Input.DisplayName", nameProblem);
        }
        // "Today" in the device's zone when it gave one: a birth today is not refused as future anywhere on Earth.
        var (born, bornProblem) = NameFields.BirthDate(Input.DateOfBirth, PersonZone.OrUtc(Input.TimeZone).DateOf(clock.GetUtcNow()));
        if (bornProblem is not null)
        {
            ModelState.AddModelError("Input.DateOfBirth", bornProblem);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The password rules first, on an account not yet saved: a weak password is refused alike for new and known emails.
        // The device's zone, when the browser gave a known one; otherwise UTC until the person picks one.
        var user = new NervewiseUser
        {
            UserName = email, Email = email, CreatedAt = clock.GetUtcNow(), TimeZone = PersonZone.Find(Input.TimeZone)?.Id,
            DisplayName = name, DateOfBirth = born,
        };
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, Input.Password);
            foreach (var error in checkedPassword.Errors)
            {
                ModelState.AddModelError("Input.Password", AccountErrors.Friendly(error));
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // Hash anyway, so that a known email takes about as long as a new one.
            users.PasswordHasher.HashPassword(existing, Input.Password);
            mail.SendAlreadyRegistered(existing.Email!, Request);
            return Redirect(CheckEmailPath);
        }

        // The account and its role are saved together or not at all.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var created = await users.CreateAsync(user, Input.Password);
            if (!created.Succeeded)
            {
                if (created.Errors.Any(error => error.Code is "DuplicateUserName" or "DuplicateEmail"))
                {
                    // Registered a moment ago by another request: answer as for any known email.
                    mail.SendAlreadyRegistered(email, Request);
                    return Redirect(CheckEmailPath);
                }
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(AccountErrors.IsAboutPassword(error) ? "Input.Password" : "Input.Email", AccountErrors.Friendly(error));
                }
                return Page();
            }

            var role = await users.AddToRoleAsync(user, Roles.Patient);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException($"Could not give the new account its role: {DatabaseInitializer.Describe(role)}");
            }
            await transaction.CommitAsync();
        }
        await mail.SendConfirmationAsync(user, Request);
        return Redirect(CheckEmailPath);
    }

    public sealed class RegisterInput
    {
        /// <summary>Required, but checked by <see cref="NameFields"/> so the message is the same here and on the account page.</summary>
        public string? DisplayName { get; set; }

        /// <summary>Optional, as a date input sends it (yyyy-MM-dd).</summary>
        public string? DateOfBirth { get; set; }

        [Required(ErrorMessage = "Enter your email address.")]
        public string Email { get; set; } = "";

        // Length and strength are Identity's validators (AccountRules), shared with every page that sets a password.
        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";

        /// <summary>The browser's IANA zone, filled in by tz.js; an unknown or missing one is ignored.</summary>
        public string? TimeZone { get; set; }
    }
}
