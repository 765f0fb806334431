using Nervewise.Documents.Pdf;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Domain.Reports;
using Nervewise.Web.Reports;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>A shared person's summary for an appointment, printable and as a PDF; each opening is logged.</summary>
public class ReportModel(ReportBuilder builder, CareTeamStore careTeam, UserManager<NervewiseUser> users) : PageModel
{
    public AppointmentReport Report { get; private set; } = null!;
    public string PatientId { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await BuildAsync(id, "report") is not { } report)
        {
            return NotFound();
        }
        (Report, PatientId) = (report, id);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string id) =>
        await BuildAsync(id, "report (PDF)") is { } report
            ? File(ReportPdf.Write(report), "application/pdf", "nervewise-summary.pdf")
            : NotFound();

    private async Task<AppointmentReport?> BuildAsync(string id, string what)
    {
        if (!await careTeam.OpenRecordAsync(users.GetUserId(User)!, id, what, HttpContext.RequestAborted))
        {
            return null;
        }
        var email = (await users.FindByIdAsync(id))?.Email ?? "this person";
        return await builder.ForAsync(id, email, HttpContext.RequestAborted);
    }
}
