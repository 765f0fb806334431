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
        DiaryStore.ImportResult result;
        try
        {
            // Checked whole first, holding one row at a time, so a bad file costs the database nothing; then read
            // again and stored in batches inside one transaction (the limit and its measured cost: DiaryCsv.MaxRows).
            using (var check = DiaryCsv.OpenReader(file.OpenReadStream()))
            {
                foreach (var _ in DiaryCsv.ReadEach(check))
                {
                }
            }
            result = await ImportOnceAsync(file);
        }
        catch (DiaryCsvException ex)
        {
            Errors = ex.Errors;
            StoppedEarly = ex.StoppedEarly;
            ModelState.AddModelError(string.Empty, $"Nothing was imported: {file.FileName} has {(ex.StoppedEarly ? "at least " : "")}{ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}.");
            return Page();
        }
        catch (ImportConflictException)
        {
            ModelState.AddModelError(string.Empty,
                $"Nothing was imported from {file.FileName}: the same entries were being imported at the same time, in another window or on another device. " +
                "Wait a moment and import it again; entries already in your diary are never added twice.");
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }
        var added = result.Added;
        Imported = $"Imported {added} new entr{(added == 1 ? "y" : "ies")} from {file.FileName}" +
            (added < result.Rows ? $"; {result.Rows - added} were already in your diary." : ".");
        return Redirect("/diary/import");
    }

    /// <summary>
    /// Stores the file; when a copy of it was being stored at the same moment (a double click, two tabs), tries once more,
    /// which then finds those rows stored and adds only what is missing.
    /// </summary>
    private async Task<DiaryStore.ImportResult> ImportOnceAsync(IFormFile file)
    {
        var owner = users.GetUserId(User)!;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var reader = DiaryCsv.OpenReader(file.OpenReadStream());
                return await store.ImportAsync(owner, DiaryCsv.ReadEach(reader), HttpContext.RequestAborted);
            }
            catch (ImportConflictException) when (attempt < 2)
            {
                // Nothing of this attempt was kept; the next one reads the file from the start.
            }
        }
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var entries = await store.EntriesAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        return File(Encoding.UTF8.GetBytes(DiaryCsv.Write(entries)), "text/csv; charset=utf-8", "nervewise-diary.csv");
    }

    /// <summary>The whole record (assessments, pain, flare-ups, check-ins, plan) as FHIR, for other health systems.</summary>
    public Task<FileContentResult> OnGetFhirAsync() => fhir.ForAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
}
