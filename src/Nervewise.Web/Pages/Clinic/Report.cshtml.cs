using Nervewise.Documents.Pdf;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Domain.Reports;
using Nervewise.Web.Reports;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>
/// A shared person's summary for an appointment over the dates the clinician chooses, printable and as a PDF: the
/// same content the person sees. Each opening is logged.
/// </summary>
public class ReportModel(ReportBuilder builder, CareTeamStore careTeam, UserManager<NervewiseUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    public AppointmentReport Report { get; private set; } = null!;

    public ReportPeriodForm Form { get; private set; } = null!;

    public string PatientId { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await careTeam.OpenRecordAsync(users.GetUserId(User)!, id, "report", HttpContext.RequestAborted))
        {
            return NotFound();
        }
        Form = ReportPeriodForm.Read($"/clinic/patients/{id}/report", From, To, builder.Today, ModelState);
        (Report, PatientId) = (await builder.ForAsync(id, Form.Period, HttpContext.RequestAborted), id);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string id)
    {
        if (!await careTeam.OpenRecordAsync(users.GetUserId(User)!, id, "report (PDF)", HttpContext.RequestAborted))
        {
            return NotFound();
        }
        Form = ReportPeriodForm.Read($"/clinic/patients/{id}/report", From, To, builder.Today, ModelState);
        if (!ModelState.IsValid)
        {
            return BadRequest(new ValidationProblemDetails(ModelState));
        }
        return File(ReportPdf.Write(await builder.ForAsync(id, Form.Period, HttpContext.RequestAborted)), "application/pdf", "nervewise-summary.pdf");
    }
}
