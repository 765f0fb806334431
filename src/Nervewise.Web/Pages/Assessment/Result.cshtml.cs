using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Web.Assessment;
using Nervewise.Web.Plan;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.Assessment;

/// <summary>
/// One assessment's result, explaining its answers. What to do about warning signs in force is the layout's
/// safety card (the one safety state); this page says which answers led there, and never gives exercise advice
/// while a sign at urgent or higher stands.
/// </summary>
public class ResultModel(
    AssessmentStore store, UserManager<NervewiseUser> users, SafetyService safety, PlanService plans, PlanSettingsStore planSettings) : PageModel
{
    /// <summary>Unanswered warning signs that share an action: what to do should any of them be yes.</summary>
    public sealed record OpenGroup(Urgency Urgency, string IfYes, IReadOnlyList<(string Item, string Says)> Signs);

    public AssessmentResult Result { get; private set; } = null!;
    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>The person's one safety state, as the layout's card shows it.</summary>
    public SafetyState Safety { get; private set; } = SafetyState.Clear;

    /// <summary>The layout shows the safety card above this page, so this page does not repeat its instructions.</summary>
    public bool CardAbove { get; private set; }

    /// <summary>A professional's check was recorded after these answers were given.</summary>
    public bool CheckedSince => Safety.CheckedAt >= TakenAt;

    /// <summary>This assessment's warning signs are among those the card shows.</summary>
    public bool InForce => Safety.Reasons.Any(r => r.From == SafetyOrigin.Assessment && r.Time == TakenAt);

    /// <summary>No movement or exercise advice: a sign at urgent or higher stands, here or anywhere in the safety state.</summary>
    public bool NoExercise => Safety.PausesExercise || (Result.Urgency >= Urgency.Urgent && !CheckedSince);

    public IReadOnlyList<OpenGroup> Open { get; private set; } = [];

    /// <summary>For the latest assessment only: which plan the person is on now, in plain words; null for older ones.</summary>
    public IReadOnlyList<string>? PlanNow { get; private set; }

    /// <summary>Opened from the first week's screen (?from=first-week): the page leads back to "Start my first week".</summary>
    public bool FromFirstWeek { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? from = null)
    {
        FromFirstWeek = from == "first-week" && !User.IsInRole(Roles.Clinician);
        var ownerId = users.GetUserId(User)!;
        var record = await store.FindAsync(ownerId, id, HttpContext.RequestAborted);
        if (record is null)
        {
            return NotFound();
        }
        TakenAt = record.TakenAt;
        // Sources are shown as computed when it was taken, even if the weights have been revised since. Warning
        // signs are judged by today's rules, as the safety state judges them, so the page and the card agree and
        // answers given before a red flag was added list it as not answered.
        var stored = AssessmentStore.Result(record).ToResult();
        var now = AssessmentEngine.Assess(AssessmentStore.Answers(record));
        Result = stored with
        {
            RedFlags = now.RedFlags,
            Urgency = now.Urgency,
            Imaging = now.Imaging,
            UnansweredRedFlags = now.UnansweredRedFlags,
        };
        Safety = await safety.ForAsync(ownerId, HttpContext.RequestAborted);
        CardAbove = Safety.NeedsHelp && !User.IsInRole(Roles.Clinician);
        Open = [.. Result.UnansweredRedFlags.GroupBy(r => r.Urgency).OrderByDescending(g => g.Key)
            .Select(g => new OpenGroup(g.Key, AssessmentWording.IfYes(g.Key), [.. g.Select(r => (r.Item, WarningSigns.Says(r.Item)))]))];
        if ((await store.LatestAsync(ownerId, HttpContext.RequestAborted))?.Id == record.Id && !User.IsInRole(Roles.Clinician))
        {
            PlanNow = await PlanWordsAsync(ownerId, record.TakenAt);
        }
        return Page();
    }

    /// <summary>
    /// "Your plan is now the sit-bone tendon pathway, starting with holds", and why: these answers moved it, or it
    /// stays where the person or their clinician chose.
    /// </summary>
    private async Task<IReadOnlyList<string>> PlanWordsAsync(string ownerId, DateTimeOffset takenAt)
    {
        var rules = RehabRules.Current;
        var plan = (await plans.ForAsync(ownerId, cancellationToken: HttpContext.RequestAborted)).Result;
        string Pathway(Pathway p) => rules.For(p).Name.ToLowerInvariant();
        var lines = new List<string>
        {
            $"Your plan now: the {Pathway(plan.Pathway)} pathway, at the step \"{rules.For(plan.Pathway, plan.Stage).Name.ToLowerInvariant()}\".",
        };
        // A pinned pathway these answers moved: the change the store made right after saving them.
        var moved = (await planSettings.HistoryAsync(ownerId, 10, HttpContext.RequestAborted))
            .FirstOrDefault(c => c.Field == "pathway" && c.ChangedByRole == PlanActor.SelfRole && c.ChangedAt >= takenAt && c.ChangedAt < takenAt.AddMinutes(1));
        if (moved is not null && RehabNames.TryParsePathway(moved.OldValue, out var from) && RehabNames.TryParsePathway(moved.NewValue, out var to))
        {
            lines.Add($"These answers point mainly to {Pathway(to)}, so your plan has moved from the {Pathway(from)} pathway to the {Pathway(to)} pathway " +
                "and starts at its first step. Your earlier sessions stay in your diary, and the change is kept in your plan history.");
        }
        else if (plan.PathwayNote is { } note)
        {
            lines.Add(note);
        }
        else if (Result.PrimarySource is { } source && PathwayChoice.Of(source) != plan.Pathway)
        {
            lines.Add(plan.StageFromDiary
                ? $"These answers point mainly to {Pathway(PathwayChoice.Of(source))}, but your latest sessions are on the {Pathway(plan.Pathway)} pathway, so the plan stays there for now. Talk it over with your physio if you are unsure."
                : $"These answers point mainly to {Pathway(PathwayChoice.Of(source))}, but your plan settings keep you on the {Pathway(plan.Pathway)} pathway. You can change that in your plan settings.");
        }
        return lines;
    }
}
