using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Assessment;
using Nervewise.Web.Assessment;

namespace Nervewise.Web.Pages.Assessment;

public class ResultModel(AssessmentStore store, UserManager<NervewiseUser> users) : PageModel
{
    public AssessmentResult Result { get; private set; } = null!;
    public DateTimeOffset TakenAt { get; private set; }
    public IReadOnlyList<string> UnansweredSafety { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var record = await store.FindAsync(users.GetUserId(User)!, id, HttpContext.RequestAborted);
        if (record is null)
        {
            return NotFound();
        }
        TakenAt = record.TakenAt;
        // Shown exactly as computed when it was taken, even if the weights have been revised since.
        Result = AssessmentStore.Result(record).ToResult();
        UnansweredSafety = AssessmentWording.UnansweredSafety(AssessmentStore.Answers(record));
        return Page();
    }
}
