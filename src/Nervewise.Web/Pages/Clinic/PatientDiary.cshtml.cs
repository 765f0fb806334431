using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Clinic;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>
/// A shared person's whole diary for their clinician, newest first, filtered by type, dates (the clinician's own days)
/// and body region. Read through <see cref="ClinicReader.OpenAsync"/>, so it is a 404 without a share and logged with one.
/// </summary>
public class PatientDiaryModel(ClinicReader reader, RecordReader details, UserManager<NervewiseUser> users) : PageModel
{
    /// <summary>Enough rows for any appointment; a longer diary is narrowed with the filters.</summary>
    public const int MaxRows = 500;

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public string PatientId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IReadOnlyList<DiaryEntry> Entries { get; private set; } = [];
    public int Matching { get; private set; }

    /// <summary>The types a clinician can filter by, with the words the diary uses for them.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Types =
    [
        ("pain", "Pain"), ("flare", "Flare-ups"), ("symptom", "Symptoms"), ("activity", "Activities"), ("exercise", "Rehab sessions"),
        ("sleep", "Sleep"), ("checkin", "Check-ins"), ("relief", "What eased it"), ("checked", "Checks of warning signs"),
    ];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        // Filters are read before the record is opened, so a bad one is told plainly and nothing else changes.
        EntryType? type = null;
        if (!string.IsNullOrEmpty(Type))
        {
            if (DiaryVocabulary.TryParse(Type, out var parsed))
            {
                type = parsed;
            }
            else
            {
                ModelState.AddModelError(string.Empty, $"Type: choose one of the list, not '{Type}'.");
            }
        }
        var from = Date(From, "From");
        var to = Date(To, "To");
        if (from is { } f && to is { } t && f > t)
        {
            ModelState.AddModelError(string.Empty, "From must be on or before To.");
        }
        if (!string.IsNullOrEmpty(Region) && !DiaryVocabulary.Regions.Contains(Region))
        {
            ModelState.AddModelError(string.Empty, $"Body region: choose one of the list, not '{Region}'.");
        }
        if (await reader.OpenAsync(users.GetUserId(User)!, id, "diary", HttpContext.RequestAborted) is not { } record)
        {
            return NotFound();
        }
        PatientId = id;
        Name = (await details.PersonAsync(id, HttpContext.RequestAborted)).Name;
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        var matching = record.Diary.Where(e =>
                (type is null || e.Type == type)
                && (from is null || User.DateOf(e.Time) >= from)
                && (to is null || User.DateOf(e.Time) <= to)
                && (string.IsNullOrEmpty(Region) || (e.Type is EntryType.Pain or EntryType.Flare && e.Item == Region)))
            .Reverse()
            .ToList();
        Matching = matching.Count;
        Entries = [.. matching.Take(MaxRows)];
        return Page();
    }

    private DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        ModelState.AddModelError(string.Empty, $"{field}: a date such as 2026-11-03, not '{text}'.");
        return null;
    }
}
