using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nervewise.Web.Pages;

/// <summary>What a person sees for an error status, in plain words.</summary>
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet() => Describe(Code);

    // No model binding: a re-executed POST still carries the original body, and binding reads it as a form
    // (failing when it is over its limit), which lost the code.
    public void OnPost() => Describe(Code);

    private int Code => int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : 0;

    private void Describe(int code) => (Heading, Explanation) = code switch
    {
        400 => ("That form had expired", "For your safety, forms stop working after a while or after you sign in or out. Go back, reload the page and try again."),
        403 => ("This page isn't available to you", "Your account doesn't have access to it."),
        404 => ("We couldn't find that page", "The link may be old, or the address may have a typo."),
        413 => ("That was too large to send", "The form or file was bigger than this page accepts. Go back and send something smaller, or split a large file in two."),
        429 => ("Too many tries", "To keep accounts safe, we pause after many tries from one place. Wait a few minutes, then try again."),
        _ => ("Something went wrong", "Nothing you did caused this. Please try again in a moment."),
    };
}
