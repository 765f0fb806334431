using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Fhir;
using Nervewise.Data.Identity;
using Nervewise.Web.Account;

namespace Nervewise.Web.Pages.Account;

/// <summary>
/// Deletes the account and, through the database's cascades, every row that belongs to it. A clinician's reads and
/// notes belong to the people they are about: those rows stay, keeping the clinician's email (their id set to null).
/// </summary>
public partial class DeleteModel(SignInManager<NervewiseUser> signIn, AppApprovals approvals, BulkExportStore exports, ILogger<DeleteModel> log) : PageModel
{
    public const string WrongPassword = "That password is not right. Nothing has been deleted.";

    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await signIn.UserManager.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("Input.Password", WrongPassword);
            return Page();
        }
        var deleted = await signIn.UserManager.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "Your account could not be deleted just now. Nothing has been deleted; please try again.");
            return Page();
        }
        await approvals.ForgetAsync(user.Id, HttpContext.RequestAborted);
        await exports.ForgetPersonAsync(user.Id, cancellationToken: HttpContext.RequestAborted);
        // The id only: the log must never say who the person was.
        Deleted(log, user.Id);
        await signIn.SignOutAsync();
        return Redirect("/account/deleted");
    }

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = "Enter your password to confirm.")]
        [StringLength(128)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm that everything will be deleted.")]
        public bool Understood { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} deleted by its owner")]
    private static partial void Deleted(ILogger logger, string userId);
}
