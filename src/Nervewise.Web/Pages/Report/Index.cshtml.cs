using Nervewise.Documents.Pdf;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Reports;
using Nervewise.Web.Reports;

namespace Nervewise.Web.Pages.Report;

/// <summary>The person's own summary for an appointment: printable (A4) and as a PDF.</summary>
public class IndexModel(ReportBuilder builder, UserManager<NervewiseUser> users) : PageModel
{
    public AppointmentReport Report { get; private set; } = null!;

    public async Task OnGetAsync() => Report = await BuildAsync();

    public async Task<IActionResult> OnGetPdfAsync() =>
        File(ReportPdf.Write(await BuildAsync()), "application/pdf", "nervewise-summary.pdf");

    private async Task<AppointmentReport> BuildAsync()
    {
        var user = await users.GetUserAsync(User);
        return await builder.ForAsync(user!.Id, user.Email ?? "you", HttpContext.RequestAborted);
    }
}
