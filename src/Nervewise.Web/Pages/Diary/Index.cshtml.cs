using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Web.Diary;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Diary;

/// <summary>The diary: newest first, a page at a time, or one day (by the local date each entry was written in).</summary>
public class DiaryIndexModel(DiaryStore store, UserManager<NervewiseUser> users, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    /// <summary>TempData keys the edit page leaves after a delete: the sealed entry, and what it was in words.</summary>
    public const string UndoKey = "UndoDelete";
    public const string DeletedKey = "Deleted";

    /// <summary>The sealed entry just deleted, for the "Undo" button; null when nothing was.</summary>
    [TempData(Key = UndoKey)]
    public string? UndoToken { get; set; }

    [TempData(Key = DeletedKey)]
    public string? Deleted { get; set; }

    /// <summary>Brings a deleted entry back, with its own id, while the undo token is fresh.</summary>
    public async Task<IActionResult> OnPostUndoAsync([FromForm(Name = "token")] string? token)
    {
        var owner = users.GetUserId(User)!;
        if (new UndoDelete(protection, clock).Open(owner, token) is not { } undo)
        {
            Deleted = $"It is too late to undo that: a deleted entry can be brought back for {(int)UndoDelete.Window.TotalMinutes} minutes.";
            return Redirect("/diary");
        }
        await store.AddAsync(owner, undo.Id, undo.Entry, HttpContext.RequestAborted);
        Deleted = "Brought back: " + EntryText.Describe(undo.Entry) + ".";
        return Redirect($"/diary?day={undo.Entry.Time:yyyy-MM-dd}");
    }

    public IReadOnlyList<DiaryEntryRecord> Entries { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public DateOnly? Day { get; private set; }

    /// <summary>Said instead of a list when the page or day asked for is not there.</summary>
    public string? Notice { get; private set; }

    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasOlder => Day is null && PageNumber < LastPage;

    // "page" is read from the query only: Razor Pages keeps its own "page" route value (the page's path), which
    // model binding would otherwise try first and fail on, leaving every ?page=N at 1.
    public async Task OnGetAsync([FromQuery(Name = "page")] string? page = null, [FromQuery(Name = "day")] string? day = null)
    {
        var userId = users.GetUserId(User)!;
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date.Year is < 1900 or >= 2200)
            {
                Notice = $"Diary days are in the years 1900 to 2199, so there is nothing on {day}.";
                return;
            }
            Day = date;
            // The reader's day: in their zone it has exact bounds (23 or 25 hours across a clock change); an account with
            // no zone keeps each entry's own offset, which spans UTC-14 to UTC+14, so fetch wide and keep that date.
            var zone = ReaderZone.ZoneOf(User);
            var start = zone?.StartOf(date) ?? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);
            var end = zone?.StartOf(date.AddDays(1)) ?? start.AddHours(24 + 28);
            var wide = await store.AllAsync(userId, start, end, HttpContext.RequestAborted);
            Entries = [.. wide.Where(e => User.DateOf(e.LocalTime) == date).Reverse()];
            Total = Entries.Count;
            return;
        }
        // Anything but a page number from 1 shows the newest page; past the oldest page shows the oldest.
        var asked = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : 1;
        Total = await store.CountAsync(userId, HttpContext.RequestAborted);
        PageNumber = Math.Min(asked, LastPage);
        if (asked > LastPage && page is not null)
        {
            Notice = $"There is no page {asked}; this is the last page, with the oldest entries.";
        }
        (var items, Total) = await store.PageAsync(userId, PageNumber, PageSize, cancellationToken: HttpContext.RequestAborted);
        Entries = items;
    }
}
