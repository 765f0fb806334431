using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Export;

namespace Nervewise.Web.Pages.Diary;

/// <summary>Upload a diary CSV (all or nothing, errors by line and column) or download the whole diary.</summary>
[RequestSizeLimit(MaxBytes)]
public class ImportModel(DiaryStore store, UserManager<NervewiseUser> users, FhirDownload fhir) : PageModel
{
    public const int MaxBytes = 50 * 1024 * 1024;

    public IReadOnlyList<CsvError> Errors { get; private set; } = [];
    public bool StoppedEarly { get; private set; }

    [TempData] public string? Imported { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Choose a CSV file to import.");
            return Page();
        }
        IReadOnlyList<DiaryEntry> entries;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            entries = DiaryCsv.Read(reader);
        }
        catch (DiaryCsvException ex)
        {
            Errors = ex.Errors;
            StoppedEarly = ex.StoppedEarly;
            ModelState.AddModelError(string.Empty, $"Nothing was imported: {file.FileName} has {(ex.StoppedEarly ? "at least " : "")}{ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}.");
            return Page();
        }
        var added = await store.ImportAsync(users.GetUserId(User)!, entries, HttpContext.RequestAborted);
        Imported = $"Imported {added} new entr{(added == 1 ? "y" : "ies")} from {file.FileName}" +
            (added < entries.Count ? $"; {entries.Count - added} were already in your diary." : ".");
        return Redirect("/diary/import");
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var entries = await store.ExportAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        return File(Encoding.UTF8.GetBytes(DiaryCsv.Write(entries)), "text/csv; charset=utf-8", "nervewise-diary.csv");
    }

    /// <summary>The whole record (assessments, pain, flare-ups, check-ins, plan) as FHIR, for other health systems.</summary>
    public Task<FileContentResult> OnGetFhirAsync() => fhir.ForAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
}
