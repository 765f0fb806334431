using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Account;

/// <summary>
/// Signing out. The button in every page's header posts without a form token, so that pages do not each make one
/// (a tenth of a page's CPU, docs/performance.md, round 6): it signs out when the browser says the post came from
/// our own page, or carries a valid token (this page's own form). Anything else, a post from another site
/// included, only shows this page, which asks (ADR 0031).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class SignOutModel(SignInManager<NervewiseUser> signIn, IAntiforgery antiforgery) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!SameOriginPost.Says(Request) && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return Page();
        }
        // A new stamp ends every session of the account, also a cookie copied elsewhere (SessionCheck).
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
