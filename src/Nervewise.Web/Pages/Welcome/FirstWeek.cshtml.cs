using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Home;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Web.Home;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.Welcome;

/// <summary>
/// The first run, step 3: the first week that fits the latest assessment. Warning signs in force (the one safety state,
/// from the answers and the diary) come first on the layout's card and hold the exercise plan back; otherwise
/// "Start my first week" sets the starting stage, unless the plan already has one.
/// </summary>
public class FirstWeekModel(HomeService home, PlanSettingsStore settings, DiaryStore diary, SafetyService safety, UserManager<NervewiseUser> users)
    : PageModel
{
    public HomeService.Latest Latest { get; private set; } = null!;

    /// <summary>The one safety state: its card is the layout's; the first week follows it (HomeService.LatestAsync).</summary>
    public SafetyState Safety { get; private set; } = SafetyState.Clear;

    /// <summary>A stage already chosen by the person or their clinician; then this page does not change it.</summary>
    public PathwayStage? ChosenStage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await home.LatestAsync(users.GetUserId(User)!, HttpContext.RequestAborted) is not { } latest)
        {
            return Redirect("/welcome");
        }
        Latest = latest;
        Safety = await safety.ForAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        var own = await settings.GetAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        ChosenStage = own.Stage is { } chosen ? new PathwayStage(own.ChosenPathway ?? RehabNames.PathwayOf(chosen), chosen) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var owner = users.GetUserId(User)!;
        if (await home.LatestAsync(owner, HttpContext.RequestAborted) is not { } latest)
        {
            return Redirect("/welcome");
        }
        if (latest.FirstWeek.Stage is not { } start)
        {
            return Redirect("/today");
        }
        var entries = await diary.EntriesAsync(owner, HttpContext.RequestAborted);
        var (after, _) = await settings.ChangeAsync(owner, PlanActor.Self(owner),
            s => FirstWeek.Started(s, entries) ? s : s with { Stage = start, Pathway = latest.FirstWeek.Pathway }, HttpContext.RequestAborted);
        TempData["Saved"] = after.Stage == start
            ? $"Your first week has started: {RehabRules.Current.For(latest.FirstWeek.Pathway, start).Name.ToLowerInvariant()}."
            : "Your plan already had a starting point, so it stays as it is.";
        return Redirect("/today");
    }
}
