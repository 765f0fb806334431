using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Web.Account;

namespace Nervewise.Web.Pages.Account;

/// <summary>The person's own copy of everything stored about them.</summary>
public class DataModel(UserManager<NervewiseUser> users, FullDownload download) : PageModel
{
    public void OnGet()
    {
    }

    public Task<FileContentResult> OnGetDownloadAsync() => download.ForAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
}
