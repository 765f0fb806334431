using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Diary;

/// <summary>Change or delete one entry. The type stays; the time keeps the offset it was written with.</summary>
public class EditModel(DiaryStore store, UserManager<NervewiseUser> users) : PageModel
{
    public DiaryEntryRecord Entry { get; private set; } = null!;

    // Nullable, so an empty field reaches the checks below with their own words, not as a binding error.
    [BindProperty] public string? Time { get; set; } = "";
    [BindProperty] public string? Item { get; set; } = "";
    [BindProperty] public decimal? Value { get; set; }
    [BindProperty] public int? Duration { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        Time = Entry.LocalTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        (Item, Value, Duration, Note) = (Entry.Item, Entry.Value, Entry.DurationMinutes, Entry.Note);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        // A value that did not bind would be null here and clear the stored one: refuse it by name instead.
        if (FormFields.RefuseUnreadable(ModelState, field => field switch
        {
            "Value" => "Value must be a number such as 7 or 3.5",
            "Duration" => $"Duration must be whole minutes from 0 to {DiaryEntry.MaxDurationMinutes}",
            _ => $"{field} could not be read",
        }))
        {
            return Page();
        }
        if (!DateTime.TryParseExact(Time, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            ModelState.AddModelError(string.Empty, "Enter the date and time.");
            return Page();
        }
        // Checked before the offset is applied: 0001-01-01 at +01:00 is before DateTimeOffset's first instant.
        if (local.Year is < 1900 or >= 2200)
        {
            ModelState.AddModelError(string.Empty, $"Time {DiaryTime.OutOfRange}.");
            return Page();
        }
        var type = DiaryVocabulary.TryParse(Entry.Type, out var t) ? t : default;
        var time = new DateTimeOffset(local, TimeSpan.FromMinutes(Entry.OffsetMinutes));
        var problems = DiaryEntry.Check(type, Item ?? "", Value, Duration, Note).ToList();
        if (DiaryEntry.CheckTime(time) is { } outOfRange)
        {
            problems.Insert(0, outOfRange);
        }
        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, $"{char.ToUpperInvariant(problem.Column[0])}{problem.Column[1..].Replace('_', ' ')} {problem.Message}.");
        }
        if (problems.Count > 0)
        {
            return Page();
        }
        await store.UpdateAsync(users.GetUserId(User)!, id, DiaryEntry.Create(time, type, Item ?? "", Value, Duration, Note), HttpContext.RequestAborted);
        return Redirect($"/diary?day={local:yyyy-MM-dd}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        await store.DeleteAsync(users.GetUserId(User)!, id, HttpContext.RequestAborted);
        return Redirect("/diary");
    }

    /// <summary>What was typed in a field, so a refused value is shown again rather than lost.</summary>
    public string? Typed(string field, object? value) => FormFields.Typed(ModelState, field, value);

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var entry = await store.FindAsync(users.GetUserId(User)!, id, HttpContext.RequestAborted);
        if (entry is null)
        {
            return NotFound();
        }
        Entry = entry;
        return null;
    }
}
