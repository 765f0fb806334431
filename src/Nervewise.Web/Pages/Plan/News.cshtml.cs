using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Clinic;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Plan;

/// <summary>
/// What the clinician changed or wrote since the person last looked, in full. Opening it is the "seen": Today stops
/// telling about it. The whole plan history and every note stay on the plan settings and sharing pages.
/// </summary>
public class PlanNewsModel(NervewiseDbContext db, PlanSettingsStore settings, UserManager<NervewiseUser> users) : PageModel
{
    public ClinicianNews.News News { get; private set; } = null!;
    public IReadOnlyList<PlanHistory.Line> Changes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = users.GetUserId(User)!;
        News = await ClinicianNews.ForAsync(db, me, HttpContext.RequestAborted);
        var seen = (await users.GetUserAsync(User))?.ClinicianNewsSeenAt ?? DateTimeOffset.MinValue;
        Changes = PlanHistory.Lines((await settings.HistoryAsync(me, cancellationToken: HttpContext.RequestAborted))
            .Where(c => c.ChangedByRole != "self" && c.ChangedAt > seen), RehabRules.Current);
        if (News.Any)
        {
            await ClinicianNews.MarkSeenAsync(db, me, News.Latest, HttpContext.RequestAborted);
        }
    }
}
