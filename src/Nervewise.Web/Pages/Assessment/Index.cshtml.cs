using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Assessment;
using Nervewise.Web.Assessment;

namespace Nervewise.Web.Pages.Assessment;

public class AssessmentIndexModel(AssessmentStore store, UserManager<NervewiseUser> users) : PageModel
{
    public sealed record Past(Guid Id, DateTimeOffset TakenAt, AssessmentDocument Result);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Past> History { get; private set; } = [];

    /// <summary>Sources whose level differs between the last two assessments: (name, before, now).</summary>
    public IReadOnlyList<(string Source, string Before, string Now)> Changes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var records = await store.ListAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        History = [.. records.Select(r => new Past(r.Id, r.TakenAt, AssessmentStore.Result(r)))];
        if (History.Count >= 2)
        {
            var (now, before) = (History[0].Result, History[1].Result);
            Changes = [.. now.Sources
                .Select(s => (s.Source, Before: before.Sources.Single(b => b.Source == s.Source).Level, Now: s.Level))
                .Where(c => c.Before != c.Now)];
        }
    }

    public static string SourceName(string source) =>
        Enum.TryParse<Source>(source, ignoreCase: true, out var parsed) ? AssessmentWording.For(parsed).Name : "Unclear";
}
