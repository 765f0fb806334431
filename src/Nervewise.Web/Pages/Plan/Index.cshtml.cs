using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Diary;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Plan;

/// <summary>
/// This week's plan: the decision and its reasons, today's sessions logged with one tap (the pain during them),
/// the next-morning question, the week, and the stage ladder. Logging goes through the quick-entry machinery,
/// so a tap made offline waits on the phone and is sent once.
/// </summary>
public class PlanIndexModel(
    DiaryStore store, UserManager<NervewiseUser> users, TimeProvider clock, PlanService plans, PlanSettingsStore settings)
    : QuickEntryPage(store, users, clock)
{
    public PlanService.View View { get; private set; } = null!;

    [BindProperty] public string? Item { get; set; }
    [BindProperty] public int? Minutes { get; set; }
    [BindProperty] public int? Pain { get; set; }
    [BindProperty] public string? Region { get; set; }

    public RehabRules Rules => RehabRules.Current;

    public async Task OnGetAsync() => View = await plans.ForReaderAsync(OwnerId, User.Zone(), HttpContext.RequestAborted);

    /// <summary>
    /// The day this step began, in the reader's zone. With nothing to tell it by (no diary yet) the step begins today,
    /// so the days of the week already gone are not sessions "not logged".
    /// </summary>
    public DateOnly StepBegan => View.Result.StageSince is { } since ? User.Zone().DateOf(since) : View.Today;

    /// <summary>One tap on a pain score logs the exercise: the dose's minutes, ending now, with the pain during it.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        // Only an exercise of the person's own pathway: a session of another ladder would move the plan onto it.
        var pathway = (await plans.ForAsync(OwnerId, cancellationToken: HttpContext.RequestAborted)).Result.Pathway;
        if (Item is null || Rules.FindExercise(Item) is not { } exercise || exercise.PathwayValue != pathway)
        {
            ModelState.AddModelError(string.Empty, "Choose an exercise from your plan.");
            await OnGetAsync();
            return Page();
        }
        // Only a duration the diary takes moves the start back (int.MaxValue minutes is before year 1); the rest is refused by name.
        var start = Minutes is { } m and >= 0 and <= DiaryEntry.MaxDurationMinutes ? LocalNow.AddMinutes(-m) : LocalNow;
        var saved = $"Saved: {exercise.Name.ToLowerInvariant()}, pain during {Pain}/10. Tomorrow morning, tell us how your pain is.";
        if (!await SaveAsync(start, EntryType.Exercise, Item, Pain, Minutes, null, saved))
        {
            await OnGetAsync();
            return Page();
        }
        return Redirect("/plan#today");
    }

    /// <summary>The next-morning answer: a pain reading where the person usually feels it.</summary>
    public async Task<IActionResult> OnPostMorningAsync(int? value)
    {
        if (Region is null || !DiaryVocabulary.Regions.Contains(Region))
        {
            ModelState.AddModelError(string.Empty, "Choose where you feel the pain.");
            await OnGetAsync();
            return Page();
        }
        if (!await SaveAsync(LocalNow, EntryType.Pain, Region, value, null, null, $"Saved: pain this morning {value}/10. Thank you."))
        {
            await OnGetAsync();
            return Page();
        }
        return Redirect("/plan");
    }

    protected override string Expected(string field) => field switch
    {
        "Minutes" => $"Minutes must be whole minutes from 0 to {DiaryEntry.MaxDurationMinutes}",
        "Pain" or "value" => "Pain must be a whole number from 0 to 10",
        _ => base.Expected(field),
    };

    protected override string FieldName(string column) => column == "value" ? "Pain" : base.FieldName(column);

    /// <summary>Moves to the stage the plan suggests (or any stage); the change is logged as the person's own.</summary>
    public async Task<IActionResult> OnPostStageAsync(string? stage)
    {
        var owner = OwnerId;
        var current = (await plans.ForAsync(owner, cancellationToken: HttpContext.RequestAborted)).Result.Pathway;
        if (!RehabNames.TryParseStage(stage, current, out var chosen))
        {
            ModelState.AddModelError(string.Empty, $"Stage {RehabNames.StageExpectedOf(current)}.");
            await OnGetAsync();
            return Page();
        }
        await settings.ChangeAsync(owner, PlanActor.Self(owner), s => s with { Stage = chosen, Pathway = current }, HttpContext.RequestAborted);
        Saved = $"You are now on {Rules.For(current, chosen).Name.ToLowerInvariant()}. Here is your new week.";
        return Redirect("/plan");
    }
}
