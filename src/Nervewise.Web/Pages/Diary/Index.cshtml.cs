using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Diary;

/// <summary>The diary: newest first, a page at a time, or one day (by the local date each entry was written in).</summary>
public class DiaryIndexModel(DiaryStore store, UserManager<NervewiseUser> users) : PageModel
{
    public const int PageSize = 30;

    public IReadOnlyList<DiaryEntryRecord> Entries { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public DateOnly? Day { get; private set; }

    public bool HasOlder => Day is null && PageNumber * PageSize < Total;

    public async Task OnGetAsync(int page = 1, string? day = null)
    {
        var userId = users.GetUserId(User)!;
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Day = date;
            // Local dates span UTC-14 to UTC+14: fetch a wide window, then keep the entries written on that date.
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);
            var wide = await store.AllAsync(userId, start, start.AddHours(24 + 28), HttpContext.RequestAborted);
            Entries = [.. wide.Where(e => DateOnly.FromDateTime(e.LocalTime.DateTime) == date).Reverse()];
            Total = Entries.Count;
            return;
        }
        PageNumber = Math.Max(1, page);
        (var items, Total) = await store.PageAsync(userId, PageNumber, PageSize, cancellationToken: HttpContext.RequestAborted);
        Entries = items;
    }
}
