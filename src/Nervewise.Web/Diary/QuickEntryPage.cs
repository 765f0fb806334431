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

    /// <summary>Saves, or puts the Domain's objections into ModelState under the given field names.</summary>
    protected async Task<bool> SaveAsync(DateTimeOffset time, EntryType type, string item, decimal? value, int? duration, string? note, string confirmation)
    {
        var problems = DiaryEntry.Check(type, item, value, duration, note).ToList();
        if (DiaryEntry.CheckTime(time) is { } outOfRange)
        {
            problems.Insert(0, outOfRange);
        }
        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, $"{Capitalise(problem.Column)} {problem.Message}.");
        }
        if (problems.Count > 0)
        {
            return false;
        }
        await store.AddAsync(users.GetUserId(User)!, FormId, DiaryEntry.Create(time, type, item, value, duration, note), HttpContext.RequestAborted);
        Saved = confirmation;
        return true;
    }

    private static string Capitalise(string column) => column switch
    {
        "duration_minutes" => "Duration",
        _ => char.ToUpperInvariant(column[0]) + column[1..],
    };
}
