using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Pages.Plan;

/// <summary>Guidance on training in one's own sport to a pain level, and on bringing provocative positions back last.</summary>
public class TrainingModel(PlanSettingsStore settings, UserManager<NervewiseUser> users) : PageModel
{
    public int AgreedPainLevel { get; private set; }

    public async Task OnGetAsync() =>
        AgreedPainLevel = (await settings.GetAsync(users.GetUserId(User)!, HttpContext.RequestAborted)).AgreedLevel(RehabRules.Current);
}
