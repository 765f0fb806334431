using Nervewise.Data.Diary;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Infrastructure;

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

    protected DateTimeOffset LocalNow => clock.GetUtcNow().ToOffset(DeviceOffset);

    private TimeSpan DeviceOffset => TimeSpan.FromMinutes(Math.Clamp(OffsetMinutes, -14 * 60, 14 * 60));

    /// <summary>"now", "today", "yesterday" or "pick" (<see cref="EntryWhen"/>); nothing chosen is now.</summary>
    [BindProperty]
    public string? When { get; set; }

    /// <summary>The part of the day for "today" and "yesterday": "morning", "afternoon"...</summary>
    [BindProperty]
    public string? Part { get; set; }

    /// <summary>The exact local date and time for "pick" (a date alone for a night's sleep).</summary>
    [BindProperty]
    public string? Pick { get; set; }

    /// <summary>
    /// The person's wall clock: their own zone (DST-safe), or the device's offset for an account that has not chosen
    /// one yet, as entries were always stored.
    /// </summary>
    protected LocalClock PersonClock
    {
        get
        {
            var utcNow = clock.GetUtcNow();
            if (User.ZoneMissing())
            {
                var offset = DeviceOffset;
                return new(utcNow.ToOffset(offset), (date, time) => new DateTimeOffset(date.ToDateTime(time), offset));
            }
            var zone = User.Zone();
            return new(zone.Local(utcNow), zone.At);
        }
    }

    /// <summary>What the shared "when" partial needs to show the choices on this page.</summary>
    public WhenModel WhenChoices(bool night = false, string? hint = null)
    {
        var personClock = PersonClock;
        return new(night, string.IsNullOrEmpty(When) ? EntryWhen.Now : When, Part, Pick, EntryWhen.PartsBegun(personClock),
            personClock.Today.ToString(EntryWhen.DateFormat, System.Globalization.CultureInfo.InvariantCulture), hint);
    }

    /// <summary>
    /// The time chosen on the form, or <paramref name="now"/> when it is "now"; null (with a form error) when the choice
    /// cannot be read.
    /// </summary>
    protected DateTimeOffset? ChosenTime(DateTimeOffset now)
    {
        var (time, problem) = EntryWhen.Resolve(When, Part, Pick, PersonClock);
        if (problem is not null)
        {
            ModelState.AddModelError(string.Empty, problem);
            return null;
        }
        return time ?? now;
    }

    /// <summary>" (yesterday 15:00)": what the confirmation adds for an entry logged after the fact.</summary>
    protected string WhenSaid(DateTimeOffset time) =>
        IsNow ? "" : $" ({time.ToString("dddd d MMMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary>True when the entry is being logged as it happens, not after the fact.</summary>
    protected bool IsNow => string.IsNullOrEmpty(When) || When == EntryWhen.Now;

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
