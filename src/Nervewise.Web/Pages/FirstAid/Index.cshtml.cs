using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Domain.Diary;

namespace Nervewise.Web.Pages.FirstAid;

/// <summary>
/// Flare-up first aid: open to everyone (the guide is not health data, and a person in pain should not
/// meet a sign-in form). Noting the flare-up happens in the browser through the diary API, which needs sign-in;
/// the page itself stores nothing, so it can be cached by the service worker and work offline.
/// </summary>
[AllowAnonymous]
public class FirstAidModel : PageModel
{
    /// <summary>How long the warmth timer runs, in minutes.</summary>
    public static int WarmthMinutes => Domain.FirstAid.FirstAidRules.Current.WarmthMinutes.Value;

    /// <summary>The red flags asked in the safety check, with their diary symptom items.</summary>
    public static readonly IReadOnlyList<(string Item, string Text)> SafetyChecks =
    [
        ("bladder-bowel-change", "A change in your bladder or bowel: trouble starting to pee, leaking, or not feeling when you need to go"),
        ("saddle-numbness", "Numbness around your genitals, your bottom or the inside of your thighs"),
        ("progressive-weakness", "Your leg or foot getting weaker, and the weakness is getting worse"),
    ];

    /// <summary>What a person may have tried, with the diary relief items.</summary>
    public static readonly IReadOnlyList<(string Item, string Text)> Reliefs =
    [
        ("position-change", "Changing position"),
        ("movement", "Moving gently"),
        ("heat", "Warmth"),
        ("rest", "Resting"),
        ("medication", "Pain medicine"),
    ];

    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = User.Identity?.IsAuthenticated == true;

    /// <summary>How far down the leg each region lies ("low-back:0,buttock:1,…"), for the kind summary after saving.</summary>
    public static string Reach { get; } = string.Join(',', DiaryVocabulary.Regions.Select(r => $"{r}:{DiaryVocabulary.Reach(r)}"));
}
