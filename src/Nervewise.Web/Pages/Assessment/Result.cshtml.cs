using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;
using Nervewise.Web.Assessment;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.Assessment;

/// <summary>
/// One assessment's result, explaining its answers. What to do about warning signs in force is the layout's
/// safety card (the one safety state); this page says which answers led there, and never gives exercise advice
/// while a sign at urgent or higher stands.
/// </summary>
public class ResultModel(AssessmentStore store, UserManager<NervewiseUser> users, SafetyService safety) : PageModel
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

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
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
        return Page();
    }
}
