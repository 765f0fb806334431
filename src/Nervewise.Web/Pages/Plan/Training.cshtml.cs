using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Plan;

/// <summary>
/// Guidance on training in one's own sport to a pain level, and on bringing provocative positions back last (nerve),
/// or the last steps of the strain and tendon ladders; then every exercise, grouped by pathway and stage, the
/// person's own pathway first. A warning sign at urgent or higher replaces it with the pause; a lower one keeps it
/// without the reassurance or a step up.
/// </summary>
public class TrainingModel(PlanService plans, UserManager<NervewiseUser> users) : PageModel
{
    /// <summary>Words that mark a line of the training guidance as about the nerve ladder only (sliders, splits, provocative positions).</summary>
    private static readonly string[] NerveOnly = ["slider", "splits", "provocative"];

    public int AgreedPainLevel { get; private set; }

    public SafetyState Safety { get; private set; } = SafetyState.Clear;

    public Pathway Pathway { get; private set; }

    public Stage Stage { get; private set; }

    /// <summary>The lines of "working to a pain level" that fit the person's pathway.</summary>
    public IReadOnlyList<string> WithPain { get; private set; } = [];

    /// <summary>Every pathway with its stages and their exercises, the person's own pathway first.</summary>
    public IReadOnlyList<RehabRules.PathwayInfo> Library { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var view = await plans.ForAsync(users.GetUserId(User)!, cancellationToken: HttpContext.RequestAborted);
        var rules = RehabRules.Current;
        AgreedPainLevel = view.Result.AgreedPainLevel;
        Safety = view.Safety;
        Pathway = view.Result.Pathway;
        Stage = view.Result.Stage;
        WithPain = Pathway == Pathway.Nerve
            ? rules.Training.WithPain
            : [.. rules.Training.WithPain.Where(line => !NerveOnly.Any(word => line.Contains(word, StringComparison.OrdinalIgnoreCase)))];
        Library = [.. rules.Pathways.OrderByDescending(p => p.Value == Pathway)];
    }

    /// <summary>The exercises listed under a stage: those of the stage's own plan first, then any others of the stage.</summary>
    public static IReadOnlyList<RehabRules.Exercise> ExercisesOf(RehabRules rules, Pathway pathway, Stage stage)
    {
        var info = rules.For(pathway, stage);
        var own = rules.Exercises.Where(e => e.PathwayValue == pathway && e.StageValue == stage);
        return [.. own.OrderBy(e => info.Plan.ToList().FindIndex(p => p.Exercise == e.Id) is var i and >= 0 ? i : int.MaxValue)];
    }
}
