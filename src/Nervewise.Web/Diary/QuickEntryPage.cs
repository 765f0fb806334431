using Nervewise.Data.Diary;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;

namespace Nervewise.Web.Diary;

/// <summary>
/// What every quick-entry page shares: a form id that makes a double tap harmless, the device's UTC offset,
/// and saving through the Domain's checks with a short confirmation.
/// </summary>
public abstract class QuickEntryPage(DiaryStore store, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    /// <summary>Made when the form is shown; saving twice with it stores one entry.</summary>
    [BindProperty]
    public Guid FormId { get; set; } = Guid.NewGuid();

    /// <summary>Minutes east of UTC, filled in by tz.js; 0 when script is off.</summary>
    [BindProperty(Name = "tz")]
    public int OffsetMinutes { get; set; }

    [TempData]
    public string? Saved { get; set; }

    /// <summary>The signed-in person, whose diary this page writes to.</summary>
    protected string OwnerId => users.GetUserId(User)!;

    protected DateTimeOffset LocalNow => clock.GetUtcNow().ToOffset(TimeSpan.FromMinutes(Math.Clamp(OffsetMinutes, -14 * 60, 14 * 60)));

    /// <summary>How each posted field is described when what was typed cannot be read: "Minutes must be whole minutes".</summary>
    protected virtual string Expected(string field) => field switch
    {
        "tz" => "Time zone offset must be whole minutes",
        "FormId" => "The form's id must be the one the page gave",
        _ => $"{field} must be a number",
    };

    /// <summary>What was typed in a field, read back when the form is shown again, so a refused value is not lost.</summary>
    public string? Typed(string field, object? value) => FormFields.Typed(ModelState, field, value);

    /// <summary>Saves, or puts the Domain's objections into ModelState under the given field names.</summary>
    protected async Task<bool> SaveAsync(DateTimeOffset time, EntryType type, string item, decimal? value, int? duration, string? note, string confirmation)
    {
        // A value that did not bind ("abc", "7.5" for whole minutes, past int's range) is null or 0 in the property:
        // refuse it by name rather than save nothing, or 0.
        if (FormFields.RefuseUnreadable(ModelState, Expected))
        {
            return false;
        }
        var problems = DiaryEntry.Check(type, item, value, duration, note).ToList();
        if (DiaryEntry.CheckTime(time) is { } outOfRange)
        {
            problems.Insert(0, outOfRange);
        }
        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, $"{FieldName(problem.Column)} {problem.Message}.");
        }
        if (problems.Count > 0)
        {
            return false;
        }
        await store.AddAsync(users.GetUserId(User)!, FormId, DiaryEntry.Create(time, type, item, value, duration, note), HttpContext.RequestAborted);
        Saved = confirmation;
        return true;
    }

    /// <summary>The name the person sees for a Domain column; "value" means pain on one page and effort on another.</summary>
    protected virtual string FieldName(string column) => column switch
    {
        "duration_minutes" => "Duration",
        _ => char.ToUpperInvariant(column[0]) + column[1..],
    };
}
