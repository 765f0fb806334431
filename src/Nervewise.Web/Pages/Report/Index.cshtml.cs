using Nervewise.Documents.Pdf;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Reports;
using Nervewise.Web.Reports;

namespace Nervewise.Web.Pages.Report;

/// <summary>The person's own summary for an appointment over the dates they choose: printable (A4) and as a PDF.</summary>
public class IndexModel(ReportBuilder builder, UserManager<NervewiseUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    public AppointmentReport Report { get; private set; } = null!;

    public ReportPeriodForm Form { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Form = ReportPeriodForm.Read("/report", From, To, builder.Today, ModelState);
        Report = await builder.ForAsync(users.GetUserId(User)!, Form.Period, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        Form = ReportPeriodForm.Read("/report", From, To, builder.Today, ModelState);
        if (!ModelState.IsValid)
        {
            return BadRequest(new ValidationProblemDetails(ModelState));
        }
        var report = await builder.ForAsync(users.GetUserId(User)!, Form.Period, HttpContext.RequestAborted);
        return File(ReportPdf.Write(report), "application/pdf", "nervewise-summary.pdf");
    }
}
