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
        var records = await store.AllAsync(users.GetUserId(User)!, cancellationToken: HttpContext.RequestAborted);
        View = TriggerView.From(records.Select(r => r.ToEntry()));
    }
}
