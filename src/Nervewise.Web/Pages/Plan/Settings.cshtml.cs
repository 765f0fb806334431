using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Web.Safety;
using Nervewise.Web.Plan;

namespace Nervewise.Web.Pages.Plan;

/// <summary>The person's own plan settings (pathway, stage and agreed pain level) and the history of who changed what, in plain words.</summary>
public class SettingsModel(PlanSettingsStore settings, SafetyService safety, PlanService plans, UserManager<NervewiseUser> users) : PageModel
{
    public PlanSettings Settings { get; private set; } = PlanSettings.None;

    /// <summary>The one safety state; its <see cref="SafetyState.CheckedAt"/> is the last professional check.</summary>
    public SafetyState Safety { get; private set; } = SafetyState.Clear;
    public List<PlanSettingsChangeRecord> History { get; private set; } = [];

    /// <summary>Where the plan is now, with these settings: its pathway and stage.</summary>
    public PathwayStage Now { get; private set; }

    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public string? Level { get; set; }
    [TempData] public string? Saved { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Stage = PlanForm.Value(Settings);
        Level = Settings.AgreedPainLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (pathway, stage, level) = PlanForm.Read(Stage, Level, ModelState);
        if (ModelState.ErrorCount == 0)
        {
            var owner = users.GetUserId(User)!;
            var (_, errors) = await settings.ChangeAsync(owner, PlanActor.Self(owner), s => s with { Stage = stage, Pathway = pathway, AgreedPainLevel = level }, HttpContext.RequestAborted);
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, $"{FieldName(error.Column)} {error.Message}.");
            }
            if (errors.Count == 0)
            {
                Saved = "Saved. Your plan follows the new settings.";
                return Redirect("/plan/settings");
            }
        }
        await LoadAsync();
        return Page();
    }

    public static string FieldName(string field) => field switch
    {
        "pathway" => "Pathway",
        "stage" => "Stage",
        "agreedPainLevel" => "Agreed pain level",
        "safetyCheckedAt" => "Checked by a professional",
        _ when field.StartsWith("doses.", StringComparison.Ordinal) =>
            $"Dose of {RehabRules.Current.FindExercise(field["doses.".Length..].Split('.')[0])?.Name.ToLowerInvariant() ?? field}",
        _ => field,
    };

    private async Task LoadAsync()
    {
        var owner = users.GetUserId(User)!;
        Settings = await settings.GetAsync(owner, HttpContext.RequestAborted);
        History = await settings.HistoryAsync(owner, cancellationToken: HttpContext.RequestAborted);
        Safety = await safety.ForAsync(owner, HttpContext.RequestAborted);
        Now = (await plans.ForAsync(owner, cancellationToken: HttpContext.RequestAborted)).Result.Step;
    }
}
