using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.FirstAid;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Web.Plan;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.FirstAid;

/// <summary>
/// Flare-up first aid: open to everyone (a person in pain should not meet a sign-in form). The warning signs come
/// first; only after "none of these" come the settling steps, and heat only with its cautions. With script on, the
/// page is one step at a time (first-aid.js) and works offline from the service worker's cache: answers and the
/// note go through the diary API's offline queue. Without script, the answers are posted here instead.
/// A strain or a sit-bone tendon flare is not a nerve flare: for a signed-in person on the strain or tendon plan the
/// settling steps are their pathway's own (rehab-plan.json, flareUp), written into the page so they work offline too,
/// with no "move so the pain pulls back up the leg" and no warmth timer.
/// </summary>
[AllowAnonymous]
public class FirstAidModel(SafetyService safety, PlanService plans, DiaryStore diary, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    /// <summary>What the page shows: the safety questions, the help for a yes, or the settling steps after "none".</summary>
    public enum Stage
    {
        Questions,
        Help,
        Steps,
    }

    /// <summary>The intensity a yes is logged with, as the script's offline queue logs it.</summary>
    public const decimal RedFlagValue = 10;

    /// <summary>How long the warmth timer runs, in minutes.</summary>
    public static int WarmthMinutes => FirstAidRules.Current.WarmthMinutes.Value;

    /// <summary>How many hours after a fresh strain or knock heat is left out.</summary>
    public static int FreshStrainHours => FirstAidRules.Current.FreshStrainHours.Value;

    /// <summary>The warning signs asked before anything else, in the rules file's words and order.</summary>
    public static IReadOnlyList<AssessmentRules.RedFlagRule> Signs { get; } = WarningSigns.FirstAidScreen();

    /// <summary>
    /// The urgency of every set of yes answers, worked out by the engine (<see cref="RedFlagRules.Raise"/>) once here,
    /// so the page can answer offline without a rule of its own: the digit at index <c>mask</c> is the
    /// <see cref="Urgency"/> of the signs whose bits are set (bit i is <see cref="Signs"/>[i]).
    /// </summary>
    public static string UrgencyTable { get; } = BuildTable();

    /// <summary>Every urgency a yes on this page can lead to, most urgent first: each has its help screen.</summary>
    public static IReadOnlyList<Urgency> HelpUrgencies { get; } =
        [.. UrgencyTable.Skip(1).Select(c => (Urgency)(c - '0')).Distinct().OrderDescending()];

    /// <summary>What a person may have tried, with the diary relief items.</summary>
    public static readonly IReadOnlyList<(string Item, string Text)> Reliefs =
    [
        ("position-change", "Changing position"),
        ("movement", "Moving gently"),
        ("heat", "Warmth"),
        ("rest", "Resting"),
        ("medication", "Pain medicine"),
    ];

    /// <summary>The answers to "how long has this flare-up lasted?": minutes, saved as the flare's duration.</summary>
    public static readonly IReadOnlyList<(int Minutes, string Text)> Lasted =
    [
        (15, "15 minutes"),
        (30, "30 minutes"),
        (60, "1 hour"),
        (120, "2 hours"),
        (240, "4 hours"),
        (480, "8 hours"),
        (1440, "A day or more"),
    ];

    /// <summary>How far down the leg each region lies ("low-back:0,buttock:1,…"), for the kind summary after saving.</summary>
    public static string Reach { get; } = string.Join(',', DiaryVocabulary.Regions.Select(r => $"{r}:{DiaryVocabulary.Reach(r)}"));

    /// <summary>The signs answered yes (posted without script).</summary>
    [BindProperty(Name = "yes")]
    public List<string> Yes { get; set; } = [];

    /// <summary>Set by the "None of these" button.</summary>
    [BindProperty(Name = "none")]
    public bool None { get; set; }

    /// <summary>Made when the form is shown; posting it twice stores each answer once.</summary>
    [BindProperty]
    public Guid FormId { get; set; } = Guid.NewGuid();

    /// <summary>Minutes east of UTC, filled in by tz.js; 0 when script is off.</summary>
    [BindProperty(Name = "tz")]
    public int OffsetMinutes { get; set; }

    public Stage Showing { get; private set; } = Stage.Questions;

    /// <summary>The urgency of the yes answers, from the engine; routine until a yes.</summary>
    public Urgency Answered { get; private set; } = Urgency.Routine;

    /// <summary>True once the yes answers are in the diary (signed in, posted without script).</summary>
    public bool Logged { get; private set; }

    public string? Problem { get; private set; }

    public bool SignedIn { get; private set; }

    /// <summary>The person's one safety state (signed in, not a clinician), the same one the layout's card shows.</summary>
    public SafetyState? Safety { get; private set; }

    /// <summary>The pathway of the signed-in person's plan; nerve for anyone else (the nerve steps are the page's default).</summary>
    public Pathway Pathway { get; private set; } = Pathway.Nerve;

    /// <summary>The pathway's own flare-up steps, from rehab-plan.json; empty for the nerve pathway, whose steps are the page's own.</summary>
    public IReadOnlyList<string> PathwaySteps => Pathway == Pathway.Nerve ? [] : RehabRules.Current.For(Pathway).FlareUp;

    /// <summary>The lesson that explains the steps shown: the nerve flare-up lesson, or the lesson about the person's own source.</summary>
    public string LessonSlug => Nervewise.Domain.Content.LessonLibrary.Fitting("flare-up-first-aid", Pathway).Slug;

    /// <summary>
    /// A warning sign already in force at urgent or higher: the layout's card comes first, and this page gives no
    /// movement or heat advice, only the questions and the note.
    /// </summary>
    public bool HoldsAdvice => Safety?.PausesExercise == true;

    public async Task OnGetAsync() => await ReadSafetyAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Yes.FirstOrDefault(item => Signs.All(s => s.Item != item)) is { } unknown)
        {
            return BadRequest($"'{unknown}' is not one of the warning signs this page asks about.");
        }
        if (Yes.Count > 0)
        {
            // Any yes wins, whichever button was pressed.
            Showing = Stage.Help;
            Answered = RedFlagRules.Raise(Yes).Max(r => r.Urgency);
            if (User.Identity?.IsAuthenticated == true && users.GetUserId(User) is { } ownerId)
            {
                await LogAsync(ownerId);
            }
        }
        else if (None)
        {
            Showing = Stage.Steps;
        }
        else
        {
            Problem = "Tick each sign you have now, or choose \"None of these\".";
        }
        // Read after the answers are stored, so the layout's card and this page see them.
        await ReadSafetyAsync();
        return Page();
    }

    /// <summary>Each yes as a red-flag symptom row: the one safety state reads them, so every page shows the card at once.</summary>
    private async Task LogAsync(string ownerId)
    {
        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromMinutes(Math.Clamp(OffsetMinutes, -14 * 60, 14 * 60)));
        foreach (var item in Yes.Distinct(StringComparer.Ordinal))
        {
            var entry = DiaryEntry.Create(now, EntryType.Symptom, item, RedFlagValue, null, null);
            await diary.AddAsync(ownerId, IdFor(item), entry, HttpContext.RequestAborted);
        }
        Logged = true;
    }

    /// <summary>One id per form and sign, so a second post of the same form adds nothing.</summary>
    private Guid IdFor(string item) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{FormId:N}/{item}")).AsSpan(0, 16));

    private async Task ReadSafetyAsync()
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (SignedIn && !User.IsInRole(Roles.Clinician) && users.GetUserId(User) is { } ownerId)
        {
            Safety = await safety.ForAsync(ownerId, HttpContext.RequestAborted);
            Pathway = (await plans.ForAsync(ownerId, cancellationToken: HttpContext.RequestAborted)).Result.Pathway;
        }
    }

    private static string BuildTable()
    {
        if (Signs.Count > 12)
        {
            throw new InvalidOperationException("Flare-up help asks about more warning signs than its urgency table can hold.");
        }
        var table = new StringBuilder(1 << Signs.Count);
        for (var mask = 0; mask < 1 << Signs.Count; mask++)
        {
            var present = Signs.Where((_, i) => (mask & (1 << i)) != 0).Select(s => s.Item);
            var raised = RedFlagRules.Raise(present);
            table.Append((char)('0' + (int)(raised.Count == 0 ? Urgency.Routine : raised.Max(r => r.Urgency))));
        }
        return table.ToString();
    }
}
