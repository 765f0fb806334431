using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Assessment;
using Nervewise.Web.Clinic;
using Nervewise.Web.Export;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>One person's record for their clinician. Without a share it is a 404, and opening it is logged.</summary>
public class PatientModel(ClinicReader reader, CareTeamStore careTeam, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public const int Weeks = 12;

    [BindProperty, Required(ErrorMessage = "Note: write something first."), StringLength(4000, ErrorMessage = "Note: at most 4,000 characters.")]
    public string? Note { get; set; }

    [TempData] public string? Message { get; set; }

    public ClinicReader.PatientRecord Record { get; private set; } = null!;
    public IReadOnlyList<Timeline.Day> Days { get; private set; } = [];
    public Timeline.ReachTrend Trend { get; private set; } = new(Timeline.Direction.NotEnoughData, null, null);
    public IReadOnlyList<TrendChart.Point> AssessmentTrend { get; private set; } = [];
    public Dictionary<string, List<double>> Checkins { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The person's record as FHIR, logged as its own access.</summary>
    public async Task<IActionResult> OnGetFhirAsync(string id, [FromServices] FhirDownload fhir) =>
        await careTeam.OpenRecordAsync(users.GetUserId(User)!, id, "FHIR export", HttpContext.RequestAborted)
            ? await fhir.ForAsync(id, HttpContext.RequestAborted)
            : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(string id)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }
        if (!await careTeam.AddNoteAsync(users.GetUserId(User)!, id, Note!, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        Message = "Note added. The person sees it on their Sharing page.";
        return Redirect($"/clinic/patients/{Uri.EscapeDataString(id)}#notes");
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await reader.OpenAsync(users.GetUserId(User)!, id, "record", HttpContext.RequestAborted) is not { } record)
        {
            return false;
        }
        Record = record;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Days = Timeline.Days(record.Diary, today.AddDays(-(Weeks * 7) + 1), today);
        Trend = Timeline.Trend(Days);
        AssessmentTrend = [.. record.Assessments.AsEnumerable().Reverse()
            .Select(a => new TrendChart.Point(a.TakenAt, AssessmentStore.Result(a)))];
        var since = clock.GetUtcNow().AddDays(-Weeks * 7);
        Checkins = record.Diary.Where(e => e.Type == EntryType.Checkin && e.Time >= since)
            .GroupBy(e => e.Item)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Time).Select(e => (double)(e.Value ?? 0)).ToList());
        return true;
    }
}
