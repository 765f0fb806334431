using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Plan;

/// <summary>
/// One exercise in full: picture, every step, what to feel, how to make it harder, and the one-tap log. While the
/// exercises are paused (a warning sign at urgent or higher) it says so instead, with no advice.
/// </summary>
public class ExerciseModel(PlanService plans, UserManager<NervewiseUser> users) : PageModel
{
    public RehabRules.Exercise Exercise { get; private set; } = null!;
    public SessionCardModel Card { get; private set; } = null!;
    public bool Paused { get; private set; }

    /// <summary>The pathway and stage this exercise belongs to, and the person's own.</summary>
    public PathwayStage Of { get; private set; }

    public PathwayStage Own { get; private set; }

    /// <summary>In the person's plan this week.</summary>
    public bool InPlan { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (RehabRules.Current.FindExercise(id) is not { } exercise)
        {
            return NotFound();
        }
        var view = await plans.ForAsync(users.GetUserId(User)!, cancellationToken: HttpContext.RequestAborted);
        var step = view.Result.Personal.Items.Any(p => p.Exercise == id) ? view.Result.Step : new PathwayStage(exercise.PathwayValue, exercise.StageValue);
        var logged = view.Entries.LastOrDefault(e => e.Type == EntryType.Exercise && e.Item == id && DateOnly.FromDateTime(e.Time.DateTime) == view.Today);
        Exercise = exercise;
        Of = new PathwayStage(exercise.PathwayValue, exercise.StageValue);
        Own = view.Result.Step;
        InPlan = view.Result.Personal.Items.Any(p => p.Exercise == id);
        Paused = view.ExercisesPaused;
        Card = new SessionCardModel(exercise, view.Week.Days.SelectMany(d => d.Sessions).FirstOrDefault(s => s.Exercise.Id == id)?.Dose ?? view.Settings.DoseFor(RehabRules.Current, step.Pathway, step.Stage, id), view.Settings.DoseOverrides.ContainsKey(id),
            logged, view.Result.AgreedPainLevel, Detailed: true, CanLog: exercise.PathwayValue == view.Result.Pathway);
        return Page();
    }
}
