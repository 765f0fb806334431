using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nervewise.Web.Pages.Account;

[AllowAnonymous]
public class DeletedModel : PageModel
{
    public void OnGet()
    {
    }
}
