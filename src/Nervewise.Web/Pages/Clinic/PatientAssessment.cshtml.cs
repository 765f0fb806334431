using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Assessments;
using Nervewise.Data.Identity;
using Nervewise.Domain.Assessment;
using Nervewise.Web.Assessment;
using Nervewise.Web.Clinic;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>
/// One assessment of a shared person with every answer, numbered from their first (1), and what changed since the one
/// before. A 404 without a share or for a number they do not have; each opening is logged.
/// </summary>
public class PatientAssessmentModel(ClinicReader reader, RecordReader details, UserManager<NervewiseUser> users) : PageModel
{
    public string PatientId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Number { get; private set; }
    public int Count { get; private set; }
    public AssessmentRecord Taken { get; private set; } = null!;
    public AssessmentDocument Result { get; private set; } = null!;
    public AssessmentAnswers Answers { get; private set; } = AssessmentAnswers.Empty;

    /// <summary>The answers of the assessment before this one, or null for the first.</summary>
    public AssessmentAnswers? Before { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int n)
    {
        if (await reader.OpenAsync(users.GetUserId(User)!, id, "assessment answers", HttpContext.RequestAborted) is not { } record
            || n < 1 || n > record.Assessments.Count)
        {
            return NotFound();
        }
        // The record lists newest first; people count from their first.
        var index = record.Assessments.Count - n;
        (PatientId, Number, Count, Taken) = (id, n, record.Assessments.Count, record.Assessments[index]);
        Name = (await details.PersonAsync(id, HttpContext.RequestAborted)).Name;
        Result = AssessmentStore.Result(Taken);
        Answers = AssessmentStore.Answers(Taken);
        Before = index + 1 < record.Assessments.Count ? AssessmentStore.Answers(record.Assessments[index + 1]) : null;
        return Page();
    }
}
