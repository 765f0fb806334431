using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nervewise.Web.Pages.Account;

public class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
