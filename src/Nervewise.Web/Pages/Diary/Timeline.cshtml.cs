using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Diary;

public class TimelineModel(NervewiseDbContext db, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Timeline.Day> Days { get; private set; } = [];
    public Timeline.ReachTrend Trend { get; private set; } = new(Timeline.Direction.NotEnoughData, null, null);
    public int Weeks { get; private set; }
    public int Flares => Days.Sum(d => d.Flares);

    public async Task OnGetAsync(int weeks = 12)
    {
        Weeks = Math.Clamp(weeks, 2, 104);
        // Days are the reader's own: today in their zone, each entry on the date their zone gives it.
        var today = User.Today(clock);
        var from = today.AddDays(-(Weeks * 7) + 1);
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);
        // The zone is looked up once, not once per entry.
        var zone = ReaderZone.ZoneOf(User);
        // One query shaped for the page: only its rows and columns, counted by day as they are read.
        Days = await TimelineQuery.DaysAsync(
            db, users.GetUserId(User)!, since, from, today, zone is null ? null : zone.DateOf, HttpContext.RequestAborted);
        Trend = Timeline.Trend(Days);
    }
}
