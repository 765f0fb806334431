using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.Plan;

/// <summary>
/// Guidance on training in one's own sport to a pain level, and on bringing provocative positions back last. A warning
/// sign at urgent or higher replaces it with the pause; a lower one keeps it without the reassurance or a step up.
/// </summary>
public class TrainingModel(PlanSettingsStore settings, SafetyService safety, UserManager<NervewiseUser> users) : PageModel
{
    public int AgreedPainLevel { get; private set; }

    public SafetyState Safety { get; private set; } = SafetyState.Clear;

    public async Task OnGetAsync()
    {
        var owner = users.GetUserId(User)!;
        AgreedPainLevel = (await settings.GetAsync(owner, HttpContext.RequestAborted)).AgreedLevel(RehabRules.Current);
        Safety = await safety.ForAsync(owner, HttpContext.RequestAborted);
    }
}
