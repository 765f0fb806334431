using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Diary;

/// <summary>What comes before the signed-in person's flare-ups, from their whole diary.</summary>
public class TriggersModel(DiaryStore store, UserManager<NervewiseUser> users) : PageModel
{
    public TriggerView View { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        View = TriggerView.From(await store.EntriesAsync(users.GetUserId(User)!, HttpContext.RequestAborted));
    }
}
